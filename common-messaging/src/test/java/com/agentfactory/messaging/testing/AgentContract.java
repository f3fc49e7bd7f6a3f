package com.agentfactory.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every agent must do on real Kafka and PostgreSQL, whatever its domain: answer the health check and
 * refuse task types it has no handler for. Each agent module's integration test extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class AgentContract {

    private final String agentType;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    protected AgentContract(String agentType) {
        this.agentType = agentType;
    }

    @Test
    void answersTheHealthCheckTaskOverKafkaWithItsDatabaseUp() {
        var probe = new AgentTaskProbe(bootstrapServers);

        var report = probe.run(agentType, "health-check", probe.emptyInput(), Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.agentType()).isEqualTo(agentType);
            assertThat(change.output().path("database").asString()).isEqualTo("UP");
        });
    }

    @Test
    void refusesATaskTypeItHasNoHandlerFor() {
        var probe = new AgentTaskProbe(bootstrapServers);

        var report = probe.run(agentType, "not-a-" + agentType + "-task", probe.emptyInput(), Duration.ofSeconds(60));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.error()).contains("no handler");
        });
    }
}
