package com.agentfactory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class MessagingConfigurationIT {

    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> kafkaListenerContainerFactory;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void kafkaListenersStartANewConsumerGroupAtTheEarliestOffsetWithoutAutoCommit() {
        var config = kafkaListenerContainerFactory.getConsumerFactory().getConfigurationProperties();

        assertThat(config).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        assertThat(config).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void theProducerWaitsForEveryReplicaAndIsIdempotent() {
        var config = kafka.getProducerFactory().getConfigurationProperties();

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
