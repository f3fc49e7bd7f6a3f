package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.platform.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole fault harness, a command rather than a CI test (about 20 minutes; {@code ./mvnw -pl platform-tests
 * -Pfault-harness verify}): under a steady load of tasks for every agent, storefront orders and views and budget
 * reservations, every service is killed with SIGKILL once and started again, the Kafka broker is stopped and
 * restarted, and PostgreSQL is stopped for 10 s. The {@link EffectsChecker} then counts lost and duplicated effects;
 * both must be 0. The counts are printed and written to {@code target/fault-harness.txt}.
 */
@Tag("fault-harness")
class FaultHarnessIT {

    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(10);

    @Test
    void everyServiceKilledTheBrokerRestartedAndPostgresStoppedLoseAndDuplicateNoEffect() throws IOException {
        RunningPlatform platform = RunningPlatform.get();
        List<String> log = new ArrayList<>();
        Instant began = Instant.now();
        EffectsChecker.Counts counts;
        try (var load = new SteadyLoad(platform).start()) {
            FaultToleranceIT.awaitProgress(load, 3);
            for (ServiceSpec service : List.of(
                    platform.finance,
                    platform.inventory,
                    platform.recommendation,
                    platform.campaign,
                    platform.ad,
                    platform.support,
                    platform.supervisor,
                    platform.gateway)) {
                Instant killed = Instant.now();
                platform.launcher.kill(service.module());
                platform.launcher.start(service);
                platform.launcher.awaitReady(service, Instant.now().plusSeconds(300));
                FaultToleranceIT.awaitProgress(load, 2);
                log.add(step("kill -9 " + service.module() + ", started again", killed));
            }

            Instant brokerStopped = Instant.now();
            var broker = platform.infrastructure.kafkaBroker();
            broker.stop();
            try {
                FaultToleranceIT.awaitProgress(load, 2);
            } finally {
                FaultToleranceIT.restart(broker);
            }
            FaultToleranceIT.awaitProgress(load, 2);
            log.add(step("Kafka broker stopped and restarted", brokerStopped));

            Instant postgresStopped = Instant.now();
            platform.infrastructure.stopPostgres();
            try {
                // the fault is the database being away this long; the condition checks it stayed away
                await().during(POSTGRES_DOWN)
                        .atMost(POSTGRES_DOWN.plusSeconds(10))
                        .until(() -> !platform.infrastructure.postgresRunning());
            } finally {
                platform.infrastructure.restartPostgres();
            }
            FaultToleranceIT.awaitProgress(load, 3);
            log.add(step("PostgreSQL stopped for " + POSTGRES_DOWN.toSeconds() + " s and restarted", postgresStopped));

            load.close();
            log.add("load: " + load.summary());
            assertThat(load.errors).isEmpty();
            counts = new EffectsChecker(platform).check(load, Duration.ofMinutes(5));
        }
        log.add(counts.report());
        log.add("harness took " + Duration.between(began, Instant.now()).toSeconds() + " s");
        String report = String.join("\n", log);
        System.out.println("Fault harness\n" + report);
        Files.writeString(Path.of("target", "fault-harness.txt"), report + "\n");

        assertThat(counts.lost()).as(report).isZero();
        assertThat(counts.duplicated()).as(report).isZero();
    }

    private static String step(String what, Instant from) {
        return what + " (load taking work again after "
                + Duration.between(from, Instant.now()).toSeconds() + " s)";
    }
}
