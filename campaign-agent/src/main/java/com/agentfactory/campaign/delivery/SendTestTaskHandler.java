package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail template to a person checking it before a campaign launches. A test send is not a campaign's
 * send: no consent, quiet hours or frequency cap applies (the recipient asked for it), it is not tracked and not
 * counted in any KPI, and its subject says it is a test.
 */
@Component
class SendTestTaskHandler implements TaskHandler<SendTestRequest, SendTestResult> {

    static final String SUBJECT_PREFIX = "[TEST] ";

    private final TemplateService templates;
    private final EmailSender email;

    SendTestTaskHandler(TemplateService templates, EmailSender email) {
        this.templates = templates;
        this.email = email;
    }

    @Override
    public String taskType() {
        return "send-test";
    }

    @Override
    public String description() {
        return "Sends an e-mail template, filled like a preview, to one address marked as a test; nothing is tracked"
                + " or counted.";
    }

    @Override
    public SendTestRequest example() {
        return new SendTestRequest(
                "abandoned_cart_reminder",
                "reviewer@example.com",
                null,
                Map.of("cart_value", "42.00", "currency", "GBP", "discount", "10%"));
    }

    @Override
    public SendTestResult handle(SendTestRequest input, TaskContext context) {
        InternetAddress to = recipient(input.to());
        TemplatePreviewResponse filled = templates.preview(
                Channel.EMAIL.wireName(),
                input.templateId(),
                new PreviewTemplateRequest(input.customerId(), input.variables()));
        String subject = SUBJECT_PREFIX + (filled.subject() == null ? "" : filled.subject());
        // a fresh id per attempt: a retried test send is a second test mail, which is harmless
        String messageId = "<test-" + UUID.randomUUID() + "@campaign-agent>";
        try {
            email.sendTest(to, subject, filled.body(), messageId);
        } catch (HardBounceException e) {
            // the server refused the address for good: a retry would be refused the same way
            throw RuleViolationException.of("to", "the mail server refused the address: " + e.reply());
        } catch (MessagingException e) {
            throw new IllegalStateException("the test e-mail could not be sent: " + e.getMessage(), e);
        }
        return new SendTestResult(input.to(), subject, messageId);
    }

    // @Email lets through some addresses that Jakarta Mail cannot put in a header (an underscore in the domain)
    private static InternetAddress recipient(String to) {
        try {
            return new InternetAddress(to);
        } catch (AddressException e) {
            throw InvalidInputException.of("to", "not an address a mail can be sent to: " + e.getMessage());
        }
    }
}
