package com.agentfactory.campaign.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaign agent on a random port, on the JVM's shared PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
@Import(CommerceEvents.class)
public abstract class CampaignIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected CommerceEvents commerce;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    protected AgentTaskProbe tasks() {
        return new AgentTaskProbe(bootstrapServers);
    }
}
