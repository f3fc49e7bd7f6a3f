package com.agentfactory.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on loopback that accepts every message for any recipient and keeps it in memory,
 * so the local run and the tests send e-mail over the same protocol as production without reaching anyone.
 */
public final class LocalSmtp implements AutoCloseable {

    private final GreenMail server;
    private final int port;

    private LocalSmtp(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalSmtp start(int port) {
        int effectivePort = port > 0 ? port : FreePorts.find();
        GreenMail server = new GreenMail(new ServerSetup(effectivePort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
}
