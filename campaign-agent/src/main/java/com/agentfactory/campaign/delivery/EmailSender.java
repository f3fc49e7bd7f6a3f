package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP. The send's id is the Message-ID, so a message delivered again after a crash between the
 * server's acceptance and our commit carries the same id and can be recognised downstream. Every message has
 * the one-click unsubscribe headers (RFC 8058) and a footer with the postal address and the same link; its web
 * links go through the click redirect and an image reports the open.
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
            throws MessagingException {
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
        mail.send(message);
    }

    // CAN-SPAM: every commercial e-mail names the sender's postal address and a working way to opt out
    private String footer(String link) {
        return "<hr><p style=\"font-size:small\">"
                + TemplateRenderer.html("{{address}}", Map.of("address", properties.postalAddress()))
                + " &middot; <a href=\"" + TemplateRenderer.html("{{link}}", Map.of("link", link))
                + "\">Unsubscribe</a></p>";
    }
}
