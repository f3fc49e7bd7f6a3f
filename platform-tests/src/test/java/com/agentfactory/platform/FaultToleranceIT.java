package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Services killed with SIGKILL under load: nothing accepted is lost and no effect happens twice. */
class FaultToleranceIT extends AsAdminOnThePlatform {

    @Test
    void anAgentKilledMidBatchLosesNoTaskAndCompletesNoTaskTwice() {
        String agentId = AgentIds.forType("inventory").toString();
        Set<String> taskIds = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            taskIds.add(createDirect(
                    Map.of("task_type", "health-check", "agent_id", agentId, "input_data", Map.of("n", i))));
        }

        platform.launcher.kill(platform.inventory.module());
        platform.launcher.start(platform.inventory);
        platform.launcher.awaitReady(platform.inventory, Instant.now().plusSeconds(180));

        await().atMost(Duration.ofSeconds(120))
                .until(() -> taskIds.stream().allMatch(id -> status(id).equals("COMPLETED")));
        Map<UUID, Set<UUID>> completions = completionMessagesPerTask(taskIds);
        assertThat(completions.keySet()).hasSize(taskIds.size());
        assertThat(completions.values())
                .allSatisfy(messageIds -> assertThat(messageIds).hasSize(1));
    }

    @Test
    void theSupervisorKilledUnderLoadLosesNoTaskItAccepted() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        String agentId = AgentIds.forType("support").toString();
        try (var clients = Executors.newFixedThreadPool(8)) {
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        try {
                            Http.Reply reply = Http.post(
                                    platform.supervisor.baseUrl() + "/api/v1/agents/tasks",
                                    adminToken,
                                    Map.of("task_type", "health-check", "agent_id", agentId, "input_data", Map.of()));
                            if (reply.status() == 201) {
                                accepted.add(reply.text("/task_id"));
                            }
                        } catch (RuntimeException connectionRefused) {
                            // the supervisor is down: the client sees a failure, nothing was accepted
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 100);
            platform.launcher.kill(platform.supervisor.module());
            stop.set(true);
        }
        int acceptedBeforeCrash = accepted.size();

        platform.launcher.start(platform.supervisor);
        platform.launcher.awaitReady(platform.supervisor, Instant.now().plusSeconds(180));

        assertThat(acceptedBeforeCrash).isGreaterThanOrEqualTo(100);
        await().atMost(Duration.ofSeconds(180))
                .until(() -> accepted.stream().allMatch(id -> status(id).equals("COMPLETED")));
    }

    /**
     * The CI version of the fault harness ({@link FaultHarnessIT} is the whole one): under a steady load of tasks for
     * every agent, storefront orders and views, and budget reservations, the finance service (ledger and budgets) is
     * killed with SIGKILL and started again, then the Kafka broker is stopped while the load goes on and restarted.
     */
    @Test
    void underSteadyLoadAKilledServiceAndARestartedBrokerLoseAndDuplicateNoEffect() {
        var checker = new EffectsChecker(platform);
        EffectsChecker.Counts counts;
        try (var load = new SteadyLoad(platform).start()) {
            awaitProgress(load, 3);

            platform.launcher.kill(platform.finance.module());
            platform.launcher.start(platform.finance);
            // one JVM starting beside seven busy ones: minutes on a small shared machine
            platform.launcher.awaitReady(platform.finance, Instant.now().plusSeconds(300));
            awaitProgress(load, 3);

            var broker = platform.infrastructure.kafkaBroker();
            broker.stop();
            try {
                // the intake writes to its outbox, so storefront events are still accepted with the broker down
                awaitProgress(load, 2);
            } finally {
                restart(broker);
            }
            awaitProgress(load, 3);
            load.close();
            System.out.println("Fault tolerance, CI version: " + load.summary());
            assertThat(load.errors).isEmpty();
            counts = checker.check(load, Duration.ofMinutes(3));
        }
        System.out.println(counts.report());
        assertThat(counts.effects())
                .allSatisfy(effect ->
                        assertThat(effect.expected()).as(effect.name()).isPositive());
        assertThat(counts.lost()).as(counts.report()).isZero();
        assertThat(counts.duplicated()).as(counts.report()).isZero();
    }

    /** Waits until the load got {@code batches} more storefront batches accepted: the platform is taking work. */
    static void awaitProgress(SteadyLoad load, int batches) {
        int target = load.acceptedBatches.get() + batches;
        await().atMost(Duration.ofMinutes(4)).until(() -> load.acceptedBatches.get() >= target);
    }

    static void restart(com.agentfactory.infra.LocalKafkaBroker broker) {
        try {
            broker.restart();
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not start again", e);
        }
    }

    private static String createDirect(Map<String, Object> body) {
        Http.Reply reply = Http.post(platform.supervisor.baseUrl() + "/api/v1/agents/tasks", adminToken, body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("/task_id");
    }

    private static String status(String taskId) {
        Http.Reply reply = Http.get(platform.supervisor.baseUrl() + "/api/v1/agents/tasks/" + taskId, adminToken);
        return reply.status() == 200 ? reply.text("/status") : "UNKNOWN";
    }

    /** Distinct COMPLETED message ids per task on agent.events: a re-run of a task would add a second one. */
    private static Map<UUID, Set<UUID>> completionMessagesPerTask(Set<String> taskIds) {
        var codec = new EnvelopeCodec();
        Map<UUID, Set<UUID>> completions = new HashMap<>();
        try (var consumer =
                TestKafka.consumerFromBeginning(platform.infrastructure.kafkaBootstrapServers(), "e2e-audit")) {
            consumer.subscribe(List.of(Topics.AGENT_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            long allSeenAt = 0;
            // read on for a few seconds after every task was seen: a duplicate completion would come after the first
            while (System.currentTimeMillis() < deadline
                    && (allSeenAt == 0 || System.currentTimeMillis() < allSeenAt + 3_000)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var envelope = codec.decode(record.value());
                    if (envelope.action().equals(ReportedTaskStatus.COMPLETED.action())) {
                        var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                        if (taskIds.contains(change.taskId().toString())) {
                            completions
                                    .computeIfAbsent(change.taskId(), id -> new HashSet<>())
                                    .add(envelope.messageId());
                        }
                    }
                }
                if (allSeenAt == 0 && completions.size() == taskIds.size()) {
                    allSeenAt = System.currentTimeMillis();
                }
            }
        }
        return completions;
    }
}
