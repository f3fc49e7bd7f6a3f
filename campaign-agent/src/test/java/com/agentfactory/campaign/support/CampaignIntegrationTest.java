package com.agentfactory.campaign.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.Api;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign agent on a random port, on the JVM's shared PostgreSQL, Kafka and SMTP server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "agentfactory.campaign.journeys.poll-interval=100ms",
            "agentfactory.campaign.delivery.poll-interval=100ms",
            "agentfactory.campaign.delivery.campaign-hold-recheck=200ms",
            // application.yml has no secrets: each deployment sets its own, and so do the tests
            "agentfactory.campaign.delivery.unsubscribe-secret=" + CampaignIntegrationTest.UNSUBSCRIBE_SECRET,
            "agentfactory.campaign.delivery.tracking-secret=" + CampaignIntegrationTest.TRACKING_SECRET,
            "agentfactory.campaign.delivery.webhook-signing-secret=" + CampaignIntegrationTest.WEBHOOK_SECRET,
            "agentfactory.campaign.inbound-sms.providers." + CampaignIntegrationTest.SMS_PROVIDER + "="
                    + CampaignIntegrationTest.SMS_PROVIDER_SECRET
        })
@UsesLocalInfrastructure
@Import({CommerceEvents.class, FinanceSegments.class})
public abstract class CampaignIntegrationTest {

    public static final String UNSUBSCRIBE_SECRET = "campaign-integration-tests-unsubscribe-secret";
    public static final String TRACKING_SECRET = "campaign-integration-tests-tracking-secret";
    public static final String WEBHOOK_SECRET = "campaign-integration-tests-webhook-secret";
    public static final String SMS_PROVIDER = "test-provider";
    public static final String SMS_PROVIDER_SECRET = "campaign-integration-tests-sms-provider-secret";

    @LocalServerPort
    int port;

    protected int port() {
        return port;
    }

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected CommerceEvents commerce;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected FinanceSegments financeSegments;

    protected Api api;

    @DynamicPropertySource
    static void pacing(DynamicPropertyRegistry registry) {
        registry.add("agentfactory.campaign.pacing.store-time-zone", CampaignIntegrationTest::zoneWhereItIsMidday);
    }

    /**
     * The store's zone for the tests: one in which it is about midday now, so sends to customers without a zone of
     * their own are outside quiet hours whenever the tests run.
     */
    static String zoneWhereItIsMidday() {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour, 24);
        return ZoneOffset.ofHours(offset > 12 ? offset - 24 : offset).getId();
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected AgentTaskProbe tasks() {
        return new AgentTaskProbe(bootstrapServers);
    }
}
