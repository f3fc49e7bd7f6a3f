package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.CampaignApplication;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.infra.FreePorts;
import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.messaging.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Kills the campaign agent, a separate JVM, with SIGKILL while journey steps and sends are due, starts it
 * again, and checks that every step of every enrolment sent exactly one send record, that every send
 * reached the SMTP server, and that a message reached it twice only where a kill fell between the server's
 * acceptance and the commit that marks it sent (at most one such message per kill: the dispatcher sends one
 * at a time), and then with the same send id, by which a receiver recognises it.
 *
 * <p>The agent runs in a schema of its own, with its Kafka listeners off, so the agents of other tests in
 * this JVM neither run its steps nor take its messages.
 */
class JourneyKillIT {

    private static final int CUSTOMERS = 300;
    private static final int KILLS = 1;

    private final LocalInfrastructure infrastructure = LocalInfrastructure.shared();
    private final String schema =
            "campaign_kill_" + UUID.randomUUID().toString().substring(0, 8);
    private final String domain = "kill-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port = FreePorts.find();
    private Process agent;

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.destroyForcibly();
        }
    }

    @Test
    void sendsEveryDueStepExactlyOnceThoughTheAgentIsKilledMidway() throws Exception {
        agent = startAgent();
        JdbcTemplate db = database();
        UUID journeyId = createActiveJourney();
        List<UUID> customers = enrolCustomers(db, journeyId);

        for (int kill = 1; kill <= KILLS; kill++) {
            int sentBefore = kill * CUSTOMERS / 2;
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> count(db, "SELECT count(*) FROM sends WHERE status = 'sent'") >= sentBefore);
            agent.destroyForcibly().waitFor();
            agent = startAgent();
        }

        await().atMost(Duration.ofSeconds(180))
                .until(() ->
                        count(db, "SELECT count(*) FROM journey_enrolments WHERE status = 'completed'") == CUSTOMERS
                                && count(db, "SELECT count(*) FROM sends WHERE status = 'sent'") == 2L * CUSTOMERS);

        assertThat(count(db, "SELECT count(*) FROM sends")).isEqualTo(2L * CUSTOMERS);
        assertThat(count(db, "SELECT count(DISTINCT (enrolment_id, step_id)) FROM sends"))
                .isEqualTo(2L * CUSTOMERS);
        assertThat(db.queryForList("SELECT DISTINCT step_id FROM sends", String.class))
                .containsExactlyInAnyOrder("first", "second");

        List<String> sendIds = db.queryForList("SELECT id::text FROM sends", String.class);
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : Mailbox.messagesTo(domain)) {
            received.merge(message.getHeader("X-Campaign-Send-Id")[0], 1, Integer::sum);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(sendIds);
        int repeated = received.values().stream().mapToInt(times -> times - 1).sum();
        assertThat(repeated).isLessThanOrEqualTo(KILLS);
        assertThat(customers).hasSize(CUSTOMERS);
    }

    private UUID createActiveJourney() throws Exception {
        String json = """
                {"name": "Kill test", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "first", "type": "email", "template": "abandoned_cart_reminder"},
                           {"id": "pause", "type": "wait", "duration": "PT2S"},
                           {"id": "second", "type": "email", "template": "final_abandoned_cart"},
                           {"id": "done", "type": "end"}]}
                """;
        HttpResponse<String> created = post("/api/v1/campaigns/journeys", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        assertThat(post("/api/v1/campaigns/journeys/" + id + "/activate", "{}").statusCode())
                .isEqualTo(200);
        return UUID.fromString(id);
    }

    /** Customers with e-mail consent, enrolled all at once, so their steps are due together. */
    private List<UUID> enrolCustomers(JdbcTemplate db, UUID journeyId) {
        Timestamp now = Timestamp.from(Instant.now());
        List<UUID> customers = new ArrayList<>();
        List<Object[]> customerRows = new ArrayList<>();
        List<Object[]> consentRows = new ArrayList<>();
        List<Object[]> enrolmentRows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            customerRows.add(new Object[] {customer, customer + "@" + domain, now});
            consentRows.add(new Object[] {customer, now});
            enrolmentRows.add(new Object[] {UUID.randomUUID(), journeyId, customer, now, now, now});
        }
        db.batchUpdate("INSERT INTO customers (customer_id, email, first_seen_at) VALUES (?, ?, ?)", customerRows);
        db.batchUpdate(
                "INSERT INTO consents (customer_id, channel, granted, source, recorded_by, recorded_at)"
                        + " VALUES (?, 'email', true, 'test', 'test', ?)",
                consentRows);
        db.batchUpdate("""
                INSERT INTO journey_enrolments (id, journey_id, customer_id, status, current_step, due_at, context,
                                                entered_at, updated_at)
                VALUES (?, ?, ?, 'active', 'first', ?, '{"cart_value": "99.00", "currency": "GBP"}', ?, ?)
                """, enrolmentRows);
        return customers;
    }

    private Process startAgent() throws IOException {
        Path log = Files.createDirectories(Path.of("target", "kill-test")).resolve("campaign-agent-" + schema + ".log");
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CampaignApplication.class.getName(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.jpa.properties.hibernate.default_schema=" + schema,
                "--spring.kafka.listener.auto-startup=false",
                "--agentfactory.campaign.journeys.poll-interval=50ms",
                "--agentfactory.campaign.journeys.batch-size=25",
                "--agentfactory.campaign.delivery.poll-interval=50ms",
                "--agentfactory.campaign.delivery.batch-size=10",
                "--agentfactory.campaign.delivery.lease=2s",
                // this test is about exactly-once delivery at any hour; quiet hours would defer every send at night
                "--agentfactory.campaign.pacing.quiet-hours.enabled=false");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(infrastructure.environment());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("SMTP_HOST", "127.0.0.1");
        builder.environment().put("SMTP_PORT", String.valueOf(Mailbox.port()));
        builder.environment().put("LOG_FORMAT", "plain");
        // the agent has no default secrets and does not start without them
        builder.environment().put("CAMPAIGN_UNSUBSCRIBE_SECRET", CampaignIntegrationTest.UNSUBSCRIBE_SECRET);
        builder.environment().put("CAMPAIGN_TRACKING_SECRET", CampaignIntegrationTest.TRACKING_SECRET);
        builder.environment().put("CAMPAIGN_WEBHOOK_SECRET", CampaignIntegrationTest.WEBHOOK_SECRET);
        // the agent verifies this test's tokens with the test key instead of fetching a gateway's key set
        builder.environment().put("AGENTFACTORY_SECURITY_PUBLIC_KEY", TestTokens.publicKey());
        Process started = builder.start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(
                                "the agent exited with " + started.exitValue() + "; see " + log);
                    }
                    return ready();
                });
        return started;
    }

    private boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.staff("kill-test", "ADMIN"))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infrastructure.jdbcUrl() + (infrastructure.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
                        + schema,
                infrastructure.databaseUser(),
                infrastructure.databasePassword());
        return new JdbcTemplate(dataSource);
    }

    private static long count(JdbcTemplate db, String sql) {
        Long count = db.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
