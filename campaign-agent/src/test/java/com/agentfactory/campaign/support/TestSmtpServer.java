package com.agentfactory.campaign.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * A real SMTP server for the tests (GreenMail), one per test JVM on a free port. The one place tests start
 * it, so it can be swapped for the project's shared mail server when the local infrastructure offers one.
 */
public final class TestSmtpServer {

    private static GreenMail server;

    private TestSmtpServer() {}

    public static synchronized GreenMail shared() {
        if (server == null) {
            GreenMail started = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server;
    }

    public static int port() {
        return shared().getSmtp().getPort();
    }

    /** Messages received for one address. */
    public static List<MimeMessage> messagesTo(String address) {
        return List.of(shared().getReceivedMessagesForDomain(address));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test SMTP server", e);
        }
    }
}
