package com.agentfactory.messaging.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerContactedTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void roundTripsThroughTheEnvelopeJsonInSnakeCase() {
        var contact = new CustomerContacted(
                UUID.randomUUID(),
                Instant.parse("2026-11-21T10:15:30Z"),
                UUID.randomUUID(),
                "support",
                "chat",
                "support_conversation",
                null,
                42L);

        JsonNode tree = codec.toTree(contact);

        assertThat(tree.get("touchpoint_type").asString()).isEqualTo("support_conversation");
        assertThat(tree.get("response_time_ms").asLong()).isEqualTo(42L);
        assertThat(codec.fromTree(tree, CustomerContacted.class)).isEqualTo(contact);
    }

    @Test
    void refusesAContactWithoutACustomer() {
        assertThatThrownBy(() -> new CustomerContacted(
                        UUID.randomUUID(), Instant.now(), null, "support", "chat", "support_conversation", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("customer_id");
    }
}
