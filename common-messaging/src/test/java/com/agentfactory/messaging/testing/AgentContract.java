package com.agentfactory.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every agent must do on real Kafka and PostgreSQL, whatever its domain: announce exactly the task types
 * it handles, answer the health check and refuse task types it has no handler for. Each agent module's integration test extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class AgentContract {

    private final String agentType;
    private final List<String> taskTypes;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    /** @param taskTypes every task type the agent has a handler for, besides {@code health-check} */
    protected AgentContract(String agentType, String... taskTypes) {
        this.agentType = agentType;
        this.taskTypes = List.of(taskTypes);
    }

    @Test
    void announcesExactlyTheTaskTypesItHandlesWithSchemasAndValidExamples() {
        await().atMost(Duration.ofSeconds(60)).until(() -> AnnouncedCapabilities.latest(bootstrapServers, agentType)
                .isPresent());
        AgentCapabilities announced =
                AnnouncedCapabilities.latest(bootstrapServers, agentType).orElseThrow();

        List<String> expected = new ArrayList<>(taskTypes);
        expected.add("health-check");
        assertThat(announced.taskTypes())
                .extracting(TaskTypeDescriptor::taskType)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(announced.taskTypes()).allSatisfy(type -> {
            assertThat(type.description()).isNotBlank();
            assertThat(type.inputSchema().path("type").asString()).isEqualTo("object");
            assertThat(type.outputSchema().path("type").asString()).isEqualTo("object");
            assertThat(type.exampleInput().isObject()).isTrue();
        });
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
