package com.agentfactory.finance.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The finance service on a random port, on the JVM's shared PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
@Import(CommerceEvents.class)
public abstract class FinanceIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    protected CommerceEvents commerce;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    // consecutive days from a random start: unique within the test JVM, and unlikely to meet an earlier run's days
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_DAY =
            new java.util.concurrent.atomic.AtomicInteger(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 3_000));

    /** A UTC day no other test uses, so per-day totals see only this test's rows. */
    protected static java.time.LocalDate freshDay() {
        return java.time.LocalDate.of(2000, 1, 1).plusDays(NEXT_DAY.getAndIncrement());
    }

    /** Waits until the ledger has booked the event (it arrives over Kafka). */
    protected void awaitRecorded(com.agentfactory.messaging.commerce.CommerceEvent event) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM financial_transactions WHERE source_event_id = ?",
                                Long.class,
                                event.eventId())
                        == 1);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
