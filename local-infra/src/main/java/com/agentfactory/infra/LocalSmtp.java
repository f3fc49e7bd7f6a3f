package com.agentfactory.infra;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on loopback that accepts every message for any recipient and keeps it in memory,
 * so the local run and the tests send e-mail over the same protocol as production without reaching anyone. Like a
 * real mail server, it refuses a recipient in the reserved {@code .invalid} top-level domain (RFC 2606) with a
 * permanent {@value #NO_SUCH_DOMAIN} reply, so senders can be tested against a hard bounce.
 */
public final class LocalSmtp implements AutoCloseable {

    /** The reply to RCPT TO for an address in the {@code .invalid} domain (RFC 5321 550, RFC 3463 5.1.2). */
    public static final String NO_SUCH_DOMAIN = "550 5.1.2 Recipient address rejected: domain does not exist";

    private final GreenMail server;
    private final int port;

    private LocalSmtp(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalSmtp start(int port) {
        int effectivePort = port > 0 ? port : FreePorts.find();
        GreenMail server =
                new RefusingGreenMail(new ServerSetup(effectivePort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new LocalSmtp(server, effectivePort);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message received since the start (or the last {@link #purge()}). */
    public List<MimeMessage> receivedMessages() {
        return List.of(server.getReceivedMessages());
    }

    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not purge the local SMTP server's mailboxes", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    // GreenMail accepts every recipient and has no setting to refuse one; its SMTP server takes the recipient check
    // from the managers it is given, so the server is given managers whose SMTP manager refuses the .invalid domain
    // and otherwise delivers into the same store the received messages are read from
    private static final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            return super.createServices(config, new RefusingManagers(managers));
        }
    }

    private static final class RefusingManagers extends Managers {

        private final Managers delegate;
        private final SmtpManager smtp;

        RefusingManagers(Managers delegate) {
            this.delegate = delegate;
            this.smtp = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    String host =
                            address.getHost() == null ? "" : address.getHost().toLowerCase(Locale.ROOT);
                    return host.equals("invalid") || host.endsWith(".invalid")
                            ? NO_SUCH_DOMAIN
                            : super.checkRecipient(state, address);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return delegate.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delegate.getImapHostManager();
        }
    }
}
