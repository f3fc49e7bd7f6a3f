package com.agentfactory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentContract;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

class InventoryAgentIT extends AgentContract {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafkaServers;

    InventoryAgentIT() {
        super(
                "inventory",
                "check-stock-levels",
                "forecast-demand",
                "suggest-reorders",
                "approve-purchase-order",
                "run-daily-batch");
    }

    @Test
    void checksStockLevelsAsATask() {
        String sku = CommerceEventMother.freshSku();
        new CommerceEventPublisher(kafka, codec).publish(CommerceEventMother.product(sku, 6));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM stock_levels WHERE sku = ?", Integer.class, sku)
                        == 1);
        var probe = new AgentTaskProbe(kafkaServers);

        var report = probe.run(
                "inventory",
                "check-stock-levels",
                codec.toTree(Map.of("skus", List.of(sku, "NO-SUCH-SKU"))),
                Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("items").get(0).path("sku").asString())
                    .isEqualTo(sku);
            assertThat(change.output().path("items").get(0).path("available").asInt())
                    .isEqualTo(6);
            assertThat(change.output().path("unknown_skus").get(0).asString()).isEqualTo("NO-SUCH-SKU");
        });
    }

    @Test
    void failsAStockCheckWithoutSkusAtOnce() {
        var probe = new AgentTaskProbe(kafkaServers);

        var report = probe.run(
                "inventory", "check-stock-levels", codec.toTree(Map.of("skus", List.of())), Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.failure()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(change.errors()).extracting(error -> error.field()).containsExactly("skus");
        });
    }
}
