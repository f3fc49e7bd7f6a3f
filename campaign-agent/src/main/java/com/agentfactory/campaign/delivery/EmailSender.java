package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP. The send's id is the Message-ID, so a message delivered again after a crash between the
 * server's acceptance and our commit carries the same id and can be recognised downstream. Every message has
 * the one-click unsubscribe headers (RFC 8058) and a footer with the postal address and the same link; its web
 * links go through the click redirect and an image reports the open. A recipient the server refuses for good
 * (a 5xx reply to RCPT TO) is a hard bounce; any other failure may pass and is left to the retries.
 */
@Component
class EmailSender {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final JavaMailSender mail;
    private final UnsubscribeTokens unsubscribe;
    private final TrackingTokens tracking;
    private final DeliveryProperties properties;

    EmailSender(
            JavaMailSender mail,
            UnsubscribeTokens unsubscribe,
            TrackingTokens tracking,
            DeliveryProperties properties) {
        this.mail = mail;
        this.unsubscribe = unsubscribe;
        this.tracking = tracking;
        this.properties = properties;
    }

    void send(ClaimedSend send, String to, MessageTemplate template, Map<String, Object> variables)
            throws MessagingException, HardBounceException {
        String link = unsubscribe.link(send.customerId(), Channel.EMAIL);
        String messageId = "<" + send.id() + "@campaign-agent>";
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(properties.fromAddress()));
        helper.setTo(new InternetAddress(to));
        helper.setSubject(TemplateRenderer.text(template.subject() == null ? "" : template.subject(), variables));
        // the footer's unsubscribe link is added after tracking, so it is never a redirect through us
        String body = TrackedHtml.track(TemplateRenderer.html(template.body(), variables), send.id(), tracking);
        helper.setText(body + footer(link), true);
        message.setHeader("List-Unsubscribe", "<" + link + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Campaign-Send-Id", send.id().toString());
        deliver(message);
    }

    /**
     * A test of a filled template for a person checking it: as a customer would see it, with the postal address in
     * the footer, but with no unsubscribe link or header (the recipient is no customer on a list) and no tracking.
     */
    void sendTest(InternetAddress to, String subject, String htmlBody, String messageId)
            throws MessagingException, HardBounceException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(properties.fromAddress()));
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(
                htmlBody + "<hr><p style=\"font-size:small\">"
                        + TemplateRenderer.html("{{address}}", Map.of("address", properties.postalAddress()))
                        + " &middot; a test send: no customer received this</p>",
                true);
        message.setHeader("X-Campaign-Test", "true");
        deliver(message);
    }

    private void deliver(MimeMessage message) throws HardBounceException {
        try {
            mail.send(message);
        } catch (MailSendException e) {
            Optional<HardBounceException> bounce = hardBounce(e);
            if (bounce.isPresent()) {
                throw bounce.get();
            }
            throw e;
        }
    }

    /**
     * The hard bounce when the server refused the recipient for good. Jakarta Mail lists an address the server
     * answered with a 5xx as invalid (a 4xx leaves it valid but unsent, which a retry may get through), the reply in
     * the next exception. The address goes with the bounce: the customer may have changed theirs since it was read.
     */
    private static Optional<HardBounceException> hardBounce(MailSendException e) {
        return e.getFailedMessages().values().stream()
                .filter(SendFailedException.class::isInstance)
                .map(SendFailedException.class::cast)
                .filter(failed -> failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0)
                .map(failed -> new HardBounceException(addressOf(failed.getInvalidAddresses()[0]), replyOf(failed), e))
                .findFirst();
    }

    private static String addressOf(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    private static String replyOf(SendFailedException failed) {
        String reply = failed.getNextException() == null
                ? failed.getMessage()
                : failed.getNextException().getMessage();
        return reply == null ? "the recipient was refused" : reply.strip();
    }

    // CAN-SPAM: every commercial e-mail names the sender's postal address and a working way to opt out
    private String footer(String link) {
        return "<hr><p style=\"font-size:small\">"
                + TemplateRenderer.html("{{address}}", Map.of("address", properties.postalAddress()))
                + " &middot; <a href=\"" + TemplateRenderer.html("{{link}}", Map.of("link", link))
                + "\">Unsubscribe</a></p>";
    }
}
