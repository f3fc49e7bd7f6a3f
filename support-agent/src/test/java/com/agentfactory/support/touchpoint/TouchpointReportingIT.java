package com.agentfactory.support.touchpoint;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class TouchpointReportingIT extends SupportIntegrationTest {

    @Autowired
    EnvelopeCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void reportsAnAnsweredChatOfAKnownCustomerAsASupportTouchpointForFinance() {
        UUID customerId = UUID.randomUUID();
        List<CustomerContacted> contacts = new ArrayList<>();

        try (KafkaConsumer<String, String> consumer =
                TestKafka.consumerFromBeginning(bootstrapServers, "touchpoint-it")) {
            consumer.subscribe(List.of(Topics.AGENT_TOUCHPOINTS));
            var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(customerId));
            assertThat(reply.status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    MessageEnvelope envelope = codec.decode(record.value());
                    CustomerContacted contact =
                            codec.fromTree(envelope.payload().data(), CustomerContacted.class);
                    if (contact.customerId().equals(customerId)) {
                        contacts.add(contact);
                    }
                });
                return !contacts.isEmpty();
            });
            CustomerContacted contact = contacts.getFirst();
            assertThat(contact.agent()).isEqualTo("support");
            assertThat(contact.channel()).isEqualTo("chat");
            assertThat(contact.touchpointType()).isEqualTo("support_conversation");
            assertThat(contact.responseTimeMs()).isNotNegative();
        }
    }
}
