package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The send-test task: a template filled as a preview, mailed to the person checking it, marked as a test. */
class SendTestIT extends CampaignIntegrationTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void mailsTheFilledTemplateMarkedAsATestWithoutUnsubscribeOrTracking() throws Exception {
        String reviewer = "reviewer-" + UUID.randomUUID() + "@example.com";

        TaskStatusChanged report = run(Map.of(
                "template_id",
                "abandoned_cart_reminder",
                "to",
                reviewer,
                "variables",
                Map.of("cart_value", "42.00", "currency", "GBP", "discount", "10%")));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(report.output().path("subject").asString()).isEqualTo("[TEST] You left something in your cart");
        List<MimeMessage> received = Mailbox.messagesTo(reviewer);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("[TEST] You left something in your cart");
        assertThat(mail.getHeader("X-Campaign-Test")).containsExactly("true");
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getHeader("Message-ID"))
                .containsExactly(report.output().path("message_id").asString());
        String body = String.valueOf(mail.getContent());
        assertThat(body).contains("Your cart of 42.00 GBP is waiting").contains("a test send");
        assertThat(body).doesNotContain("/api/v1/campaigns/track/");
    }

    @Test
    void refusesAnUnknownTemplateAndSendsNothing() {
        String reviewer = "reviewer-" + UUID.randomUUID() + "@example.com";

        TaskStatusChanged report = run(Map.of("template_id", "no_such_template", "to", reviewer));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(report.failure()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(Mailbox.messagesTo(reviewer)).isEmpty();
    }

    @Test
    void refusesAnAddressThatIsNoneNamingTheField() {
        TaskStatusChanged report = run(Map.of("template_id", "abandoned_cart_reminder", "to", "not an address"));

        assertThat(report.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(report.errors()).extracting(FieldErrorDetail::field).containsExactly("to");
    }

    @Test
    void failsOnceAsARuleViolationOnToWhenTheMailServerRefusesTheAddressForGood() {
        // the local SMTP server answers 550 to any recipient in the reserved .invalid domain
        String refused = "reviewer-" + UUID.randomUUID() + "@mailbox.invalid";

        TaskStatusChanged report = run(Map.of("template_id", "abandoned_cart_reminder", "to", refused));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(report.failure()).isEqualTo(FailureKind.RULE_VIOLATION);
        assertThat(report.attempt()).as("a refusal for good is not retried").isEqualTo(1);
        assertThat(report.errors()).extracting(FieldErrorDetail::field).containsExactly("to");
        assertThat(report.error()).contains("550 5.1.2");
        assertThat(Mailbox.messagesTo(refused)).isEmpty();
    }

    @Test
    void failsOnceAsInvalidInputOnToForAnAddressTheMailLibraryCannotParse() {
        // passes @Email, but an underscore is no character of a domain name
        String unparseable = "reviewer-" + UUID.randomUUID() + "@exa_mple.test";

        TaskStatusChanged report = run(Map.of("template_id", "abandoned_cart_reminder", "to", unparseable));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(report.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(report.attempt())
                .as("an address that cannot be parsed is not retried")
                .isEqualTo(1);
        assertThat(report.errors()).extracting(FieldErrorDetail::field).containsExactly("to");
    }

    private TaskStatusChanged run(Map<String, Object> input) {
        return tasks().run("campaign", "send-test", codec.toTree(input), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("send-test got no terminal report"));
    }
}
