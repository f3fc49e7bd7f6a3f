package com.agentfactory.support.messaging;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** The supervisor's support tasks, sent over real Kafka and reported back on agent.events. */
class SupportTasksIT extends SupportIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void answersACustomerMessageTaskWithTheReplyAndTicket() {
        var probe = new AgentTaskProbe(bootstrapServers);

        var report = probe.run(
                "support",
                "answer-customer-message",
                JSON.createObjectNode().put("message", SHIPPING_TO_SPAIN),
                Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("reply").asString()).contains("Spain");
            assertThat(change.output().path("ticket_id").asString()).isNotBlank();
            assertThat(change.output().path("escalated").asBoolean()).isFalse();
        });
    }

    @Test
    void recordsAComplaintTaskAsAComplaintTicket() {
        var probe = new AgentTaskProbe(bootstrapServers);

        var report = probe.run(
                "support",
                "handle-complaint",
                JSON.createObjectNode().put("message", "My parcel arrived broken, I want a complaint"),
                Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("intents").path(0).path("intent").asString())
                    .isEqualTo("feedback_complaint");
            assertThat(change.output().path("reply").asString()).isNotBlank();
        });
    }

    @Test
    void failsAnOrderStatusTaskWithoutAnOrderNumberAtOnce() {
        var probe = new AgentTaskProbe(bootstrapServers);

        var report = probe.run("support", "order-status-inquiry", probe.emptyInput(), Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.error()).contains("order_number");
        });
    }
}
