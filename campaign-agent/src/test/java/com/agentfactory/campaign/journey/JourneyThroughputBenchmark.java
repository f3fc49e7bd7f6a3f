package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.CampaignApplication;
import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.platform.ProcessMemory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey steps per second, durable: the agent (in this JVM, on the project's local PostgreSQL) runs a
 * five-step journey (condition, e-mail, split, SMS or push, end) for N enrolments all due at once, in the
 * executor's batches, each committed; every e-mail/SMS/push step writes its send record in the same
 * transaction. Delivery is off, so the figure is the journey engine's, not an SMTP server's.
 *
 * <p>Run: {@code java -Xmx192m -cp <db-migrations classes, test class path>
 * com.agentfactory.campaign.journey.JourneyThroughputBenchmark [enrolments] [batch size]}; prints one JSON line.
 */
public final class JourneyThroughputBenchmark {

    private static final String JOURNEY = """
            {"name": "Benchmark %s", "trigger": {"type": "event", "event": "cart.abandoned"},
             "steps": [{"id": "known", "type": "condition", "check": "has_email", "if_true": "mail", "if_false": "end"},
                       {"id": "mail", "type": "email", "template": "abandoned_cart_reminder"},
                       {"id": "arm", "type": "split",
                        "branches": [{"name": "a", "weight": 1, "next": "text"}, {"name": "b", "weight": 1, "next": "ping"}]},
                       {"id": "text", "type": "sms", "template": "abandoned_cart_sms", "next": "end"},
                       {"id": "ping", "type": "push", "template": "abandoned_cart_sms", "next": "end"},
                       {"id": "end", "type": "end", "reason": "done"}]}
            """;

    private JourneyThroughputBenchmark() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (RuntimeException e) {
            e.printStackTrace();
            // the embedded servers' threads would keep the JVM alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) {
        int enrolments = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        // system properties, so they win over application.yml's defaults
        infrastructure.springProperties().forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        Map.of(
                        "server.port", "0",
                        "spring.kafka.listener.auto-startup", "false",
                        "agentfactory.campaign.journeys.executor-enabled", "false",
                        "agentfactory.campaign.delivery.enabled", "false",
                        // no default secrets: the agent does not start without them, even with delivery off
                        "agentfactory.campaign.delivery.unsubscribe-secret", "journey-benchmark-unsubscribe-secret",
                        "agentfactory.campaign.delivery.tracking-secret", "journey-benchmark-tracking-secret",
                        "agentfactory.campaign.delivery.webhook-signing-secret", "journey-benchmark-webhook-secret",
                        "logging.level.root", "WARN")
                .forEach(System::setProperty);
        try (ConfigurableApplicationContext agent = new SpringApplicationBuilder(CampaignApplication.class).run()) {
            JourneyService journeys = agent.getBean(JourneyService.class);
            JourneyRunner runner = agent.getBean(JourneyRunner.class);
            JdbcTemplate db = agent.getBean(JdbcTemplate.class);
            UUID journey = journeys.create(JOURNEY.formatted(UUID.randomUUID()), false, "benchmark")
                    .id();
            journeys.activate(journey);
            enrol(db, journey, enrolments);

            long started = System.nanoTime();
            long steps = 0;
            long transactions = 0;
            JourneyRunner.BatchResult batch;
            while ((batch = runner.runDue(batchSize)).claimed() > 0) {
                steps += batch.steps();
                transactions++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Long sends = db.queryForObject("SELECT count(*) FROM sends WHERE journey_id = ?", Long.class, journey);
            long pid = ProcessHandle.current().pid();
            System.out.printf(
                    "{\"enrolments\": %d, \"batch_size\": %d, \"steps\": %d, \"sends_written\": %d, \"transactions\": %d,"
                            + " \"seconds\": %.3f, \"steps_per_second\": %.0f, \"agent_rss_mb\": %d,"
                            + " \"postgres_rss_mb\": %d}%n",
                    enrolments,
                    batchSize,
                    steps,
                    sends,
                    transactions,
                    seconds,
                    steps / seconds,
                    ProcessMemory.rssKilobytes(pid) / 1024,
                    infrastructure.postgresPid().stream()
                                    .map(ProcessMemory::rssKilobytes)
                                    .findFirst()
                                    .orElse(-1)
                            / 1024);
        }
    }

    private static void enrol(JdbcTemplate db, UUID journey, int count) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> enrolments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID customer = UUID.randomUUID();
            customers.add(new Object[] {customer, customer + "@benchmark.test", now});
            enrolments.add(new Object[] {UUID.randomUUID(), journey, customer, now, now, now});
        }
        db.batchUpdate("INSERT INTO customers (customer_id, email, first_seen_at) VALUES (?, ?, ?)", customers);
        db.batchUpdate("""
                INSERT INTO journey_enrolments (id, journey_id, customer_id, status, current_step, due_at, context,
                                                entered_at, updated_at)
                VALUES (?, ?, ?, 'active', 'known', ?, '{"cart_value": "99.00"}', ?, ?)
                """, enrolments);
    }
}
