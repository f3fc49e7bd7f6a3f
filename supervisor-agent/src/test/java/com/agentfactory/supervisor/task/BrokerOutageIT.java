package com.agentfactory.supervisor.task;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BrokerOutageIT extends SupervisorIntegrationTest {

    @Test
    void acceptsTasksWhileKafkaIsDownAndDeliversEveryOneWhenItReturns() throws Exception {
        var broker = LocalInfrastructure.shared().kafkaBroker();
        List<UUID> accepted = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 50; i++) {
                Response created = api.post("/api/v1/agents/tasks", ofType("fixture-forecast"));
                assertThat(created.status()).isEqualTo(201);
                accepted.add(UUID.fromString(created.text("/task_id")));
            }
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> accepted.stream()
                .allMatch(taskId -> !TOPICS.forTask(taskId).isEmpty()));
        assertThat(accepted).hasSize(50).doesNotHaveDuplicates();
    }
}
