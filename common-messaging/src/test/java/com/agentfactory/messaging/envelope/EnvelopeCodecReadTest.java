package com.agentfactory.messaging.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnvelopeCodecReadTest {

    private static final String ACTION = "price_changed";

    private final EnvelopeCodec codec = new EnvelopeCodec();

    record PriceChanged(
            @JsonProperty("sku") String sku,
            @JsonProperty("price") BigDecimal price) {}

    @Test
    void givesTheTypedPayloadAndTheEnvelopeOfTheActionAskedFor() {
        MessageEnvelope sent = envelope(ACTION, codec.toTree(Map.of("sku", "SKU-1", "price", "9.90")));

        Optional<Received<PriceChanged>> received = codec.read(codec.encode(sent), ACTION, PriceChanged.class);

        assertThat(received).hasValueSatisfying(it -> {
            assertThat(it.payload()).isEqualTo(new PriceChanged("SKU-1", new BigDecimal("9.90")));
            assertThat(it.messageId()).isEqualTo(sent.messageId());
            assertThat(it.envelope().sender().agentType()).isEqualTo("pricing");
        });
    }

    @Test
    void passesOverAnotherActionEvenWhenItsPayloadIsNotThisType() {
        MessageEnvelope sent = envelope("price_withdrawn", codec.toTree(Map.of("price", "not a number")));

        assertThat(codec.read(codec.encode(sent), ACTION, PriceChanged.class)).isEmpty();
    }

    @Test
    void rejectsAnEmptyRecordAsMalformed() {
        assertThatThrownBy(() -> codec.read(null, ACTION, PriceChanged.class))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("empty record")
                .hasMessageContaining(ACTION);
    }

    @Test
    void rejectsTextThatIsNotAnEnvelopeAsMalformed() {
        assertThatThrownBy(() -> codec.read("not json", ACTION, PriceChanged.class))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("unreadable message envelope");
    }

    @Test
    void rejectsAPayloadThatIsNotTheActionsTypeAsMalformedKeepingTheCause() {
        MessageEnvelope sent = envelope(ACTION, codec.toTree(Map.of("sku", "SKU-1", "price", "not a number")));

        assertThatThrownBy(() -> codec.read(codec.encode(sent), ACTION, PriceChanged.class))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessage("unreadable price_changed payload")
                .hasCauseInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void rejectsAnEnvelopeOfTheActionWithoutAPayloadAsMalformed() {
        MessageEnvelope sent = envelope(ACTION, null);

        assertThatThrownBy(() -> codec.read(codec.encode(sent), ACTION, PriceChanged.class))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageStartingWith("unreadable price_changed payload");
    }

    private static MessageEnvelope envelope(String action, JsonNode data) {
        return MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .sender(null, "pricing")
                .recipient(null, "catalog")
                .action(action)
                .data(data)
                .build();
    }
}
