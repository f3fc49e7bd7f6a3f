package com.agentfactory.support.testdata;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support agent on a random port, on the JVM's shared PostgreSQL and Kafka. Same configuration as the
 * agent contract test, so all integration tests share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class SupportIntegrationTest {

    // fresh each run and handed out once each, so a test counting a VIP's tickets sees only its own
    private static final List<UUID> VIP_CUSTOMERS =
            Stream.generate(UUID::randomUUID).limit(32).toList();
    private static final AtomicInteger NEXT_VIP = new AtomicInteger();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    protected SupportApi api;

    protected SupportTasks tasks;

    @Autowired
    PersonalDataHolder personalDataHolder;

    @Autowired
    TransactionTemplate transactionTemplate;

    @Autowired
    JdbcTemplate jdbcTemplate;

    protected ErasureInProgress erasures;

    @BeforeEach
    void connect() {
        api = new SupportApi(port);
        tasks = new SupportTasks(bootstrapServers);
        erasures = new ErasureInProgress(personalDataHolder, transactionTemplate, jdbcTemplate);
    }

    @DynamicPropertySource
    static void vipCustomers(DynamicPropertyRegistry registry) {
        registry.add(
                "agentfactory.support.escalation.vip-customer-ids",
                () -> VIP_CUSTOMERS.stream().map(UUID::toString).collect(Collectors.joining(",")));
    }

    // so a test waiting for an overdue message to be handed over sees the next pass within a second
    @DynamicPropertySource
    static void unansweredSweep(DynamicPropertyRegistry registry) {
        registry.add("agentfactory.support.conversation.unanswered.sweep-interval", () -> "500ms");
    }

    // so a test waiting for an old pending cancellation to be forgotten sees the next pass within a second
    @DynamicPropertySource
    static void pendingCancellationSweep(DynamicPropertyRegistry registry) {
        registry.add("agentfactory.support.orders.pending-cancellations.sweep-interval", () -> "500ms");
    }

    /** A customer on the agent's configured VIP list, not handed out to another test. */
    protected static UUID vipCustomer() {
        return VIP_CUSTOMERS.get(NEXT_VIP.getAndIncrement());
    }
}
