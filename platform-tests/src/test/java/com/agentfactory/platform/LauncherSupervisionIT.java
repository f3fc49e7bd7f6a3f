package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.platform.ProcessStatus;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the launcher does for the people running the platform: restart what crashes, and tell what runs. */
class LauncherSupervisionIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
    }

    @Test
    void aServiceKilledFromOutsideIsRestartedAndServesAgain() {
        ProcessStatus before = row("inventory-agent");
        assertThat(before.state()).isEqualTo("UP");

        ProcessHandle.of(Long.parseLong(before.pids())).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    ProcessStatus after = row("inventory-agent");
                    assertThat(after.state()).isEqualTo("UP");
                    assertThat(after.pids()).isNotEqualTo(before.pids());
                    assertThat(after.restarts()).isEqualTo(before.restarts() + 1);
                });
        Http.Reply health = Http.get(platform.inventory.baseUrl() + "/actuator/health/readiness", null);
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void statusListsEveryServiceAndTheInfrastructureWithTheirMemory() {
        var rows = platform.launcher.status();

        assertThat(rows)
                .extracting(ProcessStatus::name)
                .contains("supervisor-agent", "support-agent", "inventory-agent", "gateway-service")
                .contains("PostgreSQL", "Redis", "launcher + Kafka broker");
        ProcessStatus postgres = rows.stream()
                .filter(row -> row.name().equals("PostgreSQL"))
                .findFirst()
                .orElseThrow();
        assertThat(postgres.processes()).as("server and backends").isGreaterThan(1);
        assertThat(postgres.pssKilobytes()).isPositive().isLessThanOrEqualTo(postgres.rssKilobytes());
        assertThat(ProcessStatus.table(rows)).contains("Total:").contains("PSS");
    }

    private static ProcessStatus row(String name) {
        return platform.launcher.status().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
