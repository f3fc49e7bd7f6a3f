package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedGatewaysTest {

    @Test
    void anSmsGatewayKeepsOnlyItsMostRecentMessagesHoweverManyItIsGiven() {
        SimulatedSmsGateway sms = new SimulatedSmsGateway(3);
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID key = UUID.randomUUID();
            keys.add(key);
            sms.send(key, UUID.randomUUID(), "+447700900123", "message " + i);
        }

        assertThat(sms.delivered())
                .extracting(SimulatedMessage::idempotencyKey)
                .containsExactlyElementsOf(keys.subList(97, 100));
    }

    @Test
    void aPushGatewayKeepsOnlyItsMostRecentMessagesHoweverManyItIsGiven() {
        SimulatedPushGateway push = new SimulatedPushGateway(3);
        for (int i = 0; i < 100; i++) {
            push.send(UUID.randomUUID(), UUID.randomUUID(), "message " + i);
        }

        assertThat(push.delivered()).hasSize(3);
        assertThat(push.delivered().getLast().text()).isEqualTo("message 99");
    }

    @Test
    void aRecentMessageSentAgainUnderItsKeyIsKeptOnce() {
        SimulatedSmsGateway sms = new SimulatedSmsGateway(3);
        UUID key = UUID.randomUUID();
        UUID customer = UUID.randomUUID();

        sms.send(key, customer, "+447700900123", "first");
        sms.send(UUID.randomUUID(), customer, "+447700900123", "other");
        sms.send(key, customer, "+447700900123", "again");

        assertThat(sms.delivered()).extracting(SimulatedMessage::text).containsExactly("first", "other");
    }
}
