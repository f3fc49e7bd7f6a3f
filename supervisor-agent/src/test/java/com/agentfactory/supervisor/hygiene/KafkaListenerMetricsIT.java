package com.agentfactory.supervisor.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class KafkaListenerMetricsIT extends SupervisorIntegrationTest {

    @Autowired
    PrometheusMeterRegistry prometheus;

    /**
     * The supervisor has both kinds of listener: capability announcements one record at a time (observed), agent
     * events in batches (timed by the container). Under one meter name Prometheus would keep only the first kind.
     */
    @Test
    void scrapesTheTimingsOfRecordAndBatchListenersBoth() {
        // the announcements before each test went through the record listener; a heartbeat goes through the batch one
        new AgentReports(kafka).heartbeat("recommendation", "recommendation-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = prometheus.scrape();
            assertThat(scrape)
                    .containsPattern("spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\"agent"
                            + ".capabilities\"");
            assertThat(scrape).containsPattern("spring_kafka_listener_batch_seconds_count\\{[^}]*result=\"success\"");
        });
    }
}
