package com.agentfactory.messaging.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.trace.TraceContext;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void roundTripsEveryField() {
        UUID messageId = UUID.randomUUID();
        UUID correlationId = UUID.randomUUID();
        Instant timestamp = Instant.parse("2026-11-21T10:15:30.123456Z");
        MessageEnvelope original = MessageEnvelope.builder()
                .messageId(messageId)
                .correlationId(correlationId)
                .timestamp(timestamp)
                .priority(9)
                .ttlMs(30_000)
                .sender(UUID.randomUUID().toString(), "supervisor")
                .recipient(null, "support")
                .action("answer-question")
                .data(codec.toTree(java.util.Map.of("question", "Where is my order?")))
                .context(codec.toTree(
                        java.util.Map.of("task_id", UUID.randomUUID().toString())))
                .trace(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
                .retryCount(2)
                .build();

        MessageEnvelope decoded = codec.decode(codec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.recipient().agentId()).isEqualTo(MessageEnvelope.BROADCAST);
        assertThat(decoded.expiresAt()).isEqualTo(timestamp.plusMillis(30_000));
    }

    @Test
    void writesTheSpecificationsSnakeCaseFieldNames() {
        MessageEnvelope envelope = MessageEnvelopeMother.task("health-check");

        JsonNode json = codec.mapper().readTree(codec.encode(envelope));

        assertThat(json.get("version").asInt()).isEqualTo(MessageEnvelope.CURRENT_VERSION);
        assertThat(json.at("/header/message_id").asText())
                .isEqualTo(envelope.messageId().toString());
        assertThat(json.at("/header/correlation_id").isMissingNode()).isFalse();
        assertThat(json.at("/header/ttl_ms").isNumber()).isTrue();
        assertThat(json.at("/header/timestamp").asText()).endsWith("Z");
        assertThat(json.at("/sender/agent_type").asText()).isEqualTo("supervisor");
        assertThat(json.at("/payload/action").asText()).isEqualTo("health-check");
        assertThat(json.at("/metadata/trace_id").asText()).hasSize(32);
        assertThat(json.at("/metadata/span_id").asText()).hasSize(16);
        assertThat(json.at("/metadata/retry_count").asInt()).isZero();
    }

    @Test
    void ignoresFieldsAddedByNewerWriters() {
        String json = codec.encode(MessageEnvelopeMother.task("health-check"))
                .replaceFirst("\\{", "{\"added_later\":{\"x\":1},");

        assertThat(codec.decode(json).action()).isEqualTo("health-check");
    }

    @Test
    void rejectsAnEnvelopeOfAnUnknownVersion() {
        String json =
                codec.encode(MessageEnvelopeMother.task("health-check")).replace("\"version\":1", "\"version\":99");

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void rejectsTextThatIsNotAnEnvelope() {
        assertThatThrownBy(() -> codec.decode("not json at all")).isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> codec.decode("{\"version\":1}")).isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void rejectsPriorityOutsideOneToTen() {
        assertThatThrownBy(() -> MessageEnvelope.builder()
                        .priority(11)
                        .sender(null, "supervisor")
                        .recipient(null, "support")
                        .action("x")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priority");
    }

    @Test
    void countsRetriesWithoutChangingTheMessageIdentity() {
        MessageEnvelope envelope = MessageEnvelopeMother.task("health-check");

        MessageEnvelope retried = envelope.withRetryCount(3);

        assertThat(retried.messageId()).isEqualTo(envelope.messageId());
        assertThat(retried.metadata().retryCount()).isEqualTo(3);
        assertThat(retried.metadata().traceId()).isEqualTo(envelope.metadata().traceId());
    }

    @Test
    void anEnvelopeWithoutTtlNeverExpires() {
        MessageEnvelope envelope = MessageEnvelopeMother.task("health-check");

        assertThat(envelope.expiresAt()).isNull();
        assertThat(envelope.isExpired(Instant.now().plusSeconds(86_400 * 365))).isFalse();
    }
}
