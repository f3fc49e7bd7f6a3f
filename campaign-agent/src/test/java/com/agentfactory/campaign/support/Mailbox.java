package com.agentfactory.campaign.support;

import com.agentfactory.infra.LocalInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;

/**
 * What the JVM's shared local SMTP server (started with the rest of the local infrastructure, which points
 * spring.mail at it) received, for the tests to read back.
 */
public final class Mailbox {

    private Mailbox() {}

    public static int port() {
        return LocalInfrastructure.shared().smtp().port();
    }

    /** Messages with a recipient whose address contains {@code address}: a whole address or a domain. */
    public static List<MimeMessage> messagesTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return LocalInfrastructure.shared().smtp().receivedMessages().stream()
                .filter(message -> recipients(message).stream().anyMatch(to -> to.contains(wanted)))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null
                    ? List.of()
                    : java.util.Arrays.stream(to)
                            .map(recipient -> recipient.toString().toLowerCase(Locale.ROOT))
                            .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("a received message has unreadable recipients", e);
        }
    }
}
