package com.agentfactory.ad.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import java.util.Map;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class AdIntegrationTest {

    /** The key whose SHA-256 application.yml configures for the simulated exchange. */
    public static final String EXCHANGE_KEY = "simulated-exchange-key";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected JdbcTemplate jdbc;

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
}
