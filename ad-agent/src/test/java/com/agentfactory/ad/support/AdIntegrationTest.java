package com.agentfactory.ad.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ad agent on a random port, on the JVM's shared PostgreSQL and Kafka; configured like the agent contract
 * test so they share one application context. Finance is not running here: allowances are seeded in the table.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // application.yml configures no exchange: the tests' two exchanges, by the SHA-256 of their keys
            "agentfactory.ad.exchange.keys.test=" + AdIntegrationTest.EXCHANGE_KEY_SHA256,
            "agentfactory.ad.exchange.keys.other=" + AdIntegrationTest.OTHER_EXCHANGE_KEY_SHA256,
            // application.yml has no win-notice secret either: each deployment sets its own
            "agentfactory.ad.exchange.win-notice.secret=ad-integration-tests-win-notice-secret",
            AdIntegrationTest.NO_KEEPER_PASSES_OF_ITS_OWN,
            AdIntegrationTest.NO_ALLOCATION_ROUNDS_OF_ITS_OWN
        })
@UsesLocalInfrastructure
public abstract class AdIntegrationTest {

    /** The key of the tests' exchange "test". */
    public static final String EXCHANGE_KEY = "test-exchange-key";

    /** SHA-256 of {@link #EXCHANGE_KEY}. */
    public static final String EXCHANGE_KEY_SHA256 = "264d8f49f6c18b1262a313faffcc1817d020b87130c03a03337dbd6a8a8c41ec";

    /** The key of a second exchange, "other", for what one exchange may not do to another's impressions. */
    public static final String OTHER_EXCHANGE_KEY = "other-exchange-key";

    /** SHA-256 of {@link #OTHER_EXCHANGE_KEY}. */
    public static final String OTHER_EXCHANGE_KEY_SHA256 =
            "04c1118ebdc9c81f3ca4fbced442d4e13f3d92c0d73696d02e62a672cba9c437";

    /**
     * The application's keeper on a schedule of its own: not within any test. Finance is not running, so it could
     * fund nothing; but a pass settles the open allowance of every campaign it does not see serving (a draft, a
     * flight that starts in 2030) and would close one under a test's own keeper while that keeper waits for finance.
     * An activation through the API still starts a pass.
     */
    public static final String NO_KEEPER_PASSES_OF_ITS_OWN = "agentfactory.ad.budget.keeper-interval=3650d";

    /**
     * Budgets reallocated only when a test asks: a scheduled round between two of a test's rounds would change the
     * shares and the history it checks.
     */
    public static final String NO_ALLOCATION_ROUNDS_OF_ITS_OWN = "agentfactory.ad.allocation.enabled=false";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The agent's clock: a test that gives the agent a clock of its own seeds the day that clock reads. */
    @Autowired
    protected Clock clock;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected String createCampaign(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/ads/campaigns", body);
        if (created.status() != 201) {
            throw new IllegalStateException("campaign not created: " + created.status() + " " + created.body());
        }
        return created.text("/id");
    }

    protected String activeCampaign(Map<String, Object> body) {
        String id = createCampaign(body);
        Api.Response activated = api.post("/api/v1/ads/campaigns/" + id + "/activate", Map.of("reason", "launch"));
        if (activated.status() != 200) {
            throw new IllegalStateException("campaign not activated: " + activated.body());
        }
        return id;
    }

    protected Api.Response exchange(String path, Object body, String key) {
        return key == null ? api.post(path, body) : api.postWithHeaders(path, body, Map.of("X-Exchange-Key", key));
    }

    /** An OpenRTB bid request for one banner of this width, from a device in {@code region}, floor in {@code currency}. */
    protected static Map<String, Object> bidRequest(int width, String region, String currency) {
        return Map.of(
                "id", "req-" + UUID.randomUUID(),
                "imp",
                        List.of(Map.of(
                                "id",
                                "1",
                                "banner",
                                Map.of("w", width, "h", 250),
                                "bidfloor",
                                0.01,
                                "bidfloorcur",
                                currency)),
                "site", Map.of("domain", "news.example"),
                "device", Map.of("ua", "Mozilla/5.0", "geo", Map.of("region", region)));
    }

    /**
     * Today's spend allowance of the campaign, as finance's reservation would leave it (finance does not run here).
     * Today is the agent's UTC date, as its allowances read it, not the database's.
     */
    protected void seedAllowance(String campaignId, String reserved) {
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, reserved, spent, status, updated_at)"
                        + " VALUES (?::uuid, ?, 'EUR', ?::numeric, 0, 'OPEN', now())"
                        + " ON CONFLICT (campaign_id, day) DO UPDATE SET reserved = EXCLUDED.reserved, status = 'OPEN'",
                campaignId,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                reserved);
    }

    /** Auctions the campaign won an hour ago at clearing prices 1.50 to 2.75 CPM in turn: the market it has seen. */
    protected void wonAuctions(String campaignId, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update(
                    "INSERT INTO ad_impressions (bid_id, campaign_id, creative_id, price_cpm, cost, won_at)"
                            + " VALUES (?, ?::uuid, ?, ?::numeric, 0, now() - interval '1 hour')",
                    "won-" + UUID.randomUUID(),
                    campaignId,
                    UUID.randomUUID(),
                    String.valueOf(1.5 + (i % 6) * 0.25));
        }
    }
}
