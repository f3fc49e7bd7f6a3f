package com.agentfactory.supervisor.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** The supervisor on a random port, on the JVM's shared PostgreSQL and Kafka, with every topic it writes read back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class SupervisorIntegrationTest {

    protected static final KafkaTopicReader TOPICS = new KafkaTopicReader(allTopics());

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    protected Api api;

    protected AgentAnnouncements announcements;

    /** The test agents' task types are announced before every test: a test may have dropped some. */
    @BeforeEach
    void connect() {
        api = new Api(port);
        announcements = new AgentAnnouncements(kafka, api);
        announcements.announceAll();
    }

    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(Topics.commerceTopics());
        Stream.of("support", "recommendation", "ad", "inventory", "campaign", "finance")
                .forEach(agent -> topics.addAll(Topics.agentTaskTopics(agent)));
        return topics;
    }
}
