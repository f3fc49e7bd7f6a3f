package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.json.JsonReadErrors;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.text.StorableText;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commerce event intake: each event is validated against its type's record, stored under its own id
 * and published to its commerce topic through the outbox, all in one transaction per request. An event
 * id seen before is reported as a duplicate and published again never, so replays change nothing.
 */
@Service
class CommerceEventService {

    private static final String SENDER = AgentIds.forType("supervisor").toString();

    private final EnvelopeCodec codec;
    private final Validator validator;
    private final CommerceEventRepository events;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    CommerceEventService(
            EnvelopeCodec codec,
            Validator validator,
            CommerceEventRepository events,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.codec = codec;
        this.validator = validator;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
    }

    EventResult accept(JsonNode json, Caller caller) {
        return acceptAll(List.of(json), "", caller).getFirst();
    }

    /** All events are stored or none: a refused or invalid one stops the whole request before anything is written. */
    List<EventResult> acceptAll(List<JsonNode> jsons, String fieldPrefix, Caller caller) {
        List<CommerceEvent> parsed = new ArrayList<>(jsons.size());
        List<FieldErrorDetail> errors = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < jsons.size(); i++) {
            String prefix = fieldPrefix.isEmpty() ? "" : fieldPrefix + "[" + i + "].";
            parsed.add(parse(jsons.get(i), prefix, caller, errors, refusals));
        }
        if (!refusals.isEmpty()) {
            throw new NotPermittedException(String.join("; ", refusals) + ".");
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(
                    "The events were not stored: " + errors.size() + " field(s) are invalid.", errors);
        }
        List<EventResult> results =
                transactions.execute(status -> parsed.stream().map(this::store).toList());
        results.forEach(result -> meters.counter(
                        "supervisor.events.received",
                        "type",
                        result.type(),
                        "status",
                        result.status().name())
                .increment());
        return results;
    }

    private EventResult store(CommerceEvent event) {
        CommerceEventType type = event.type();
        JsonNode data = codec.toTree(event);
        boolean isNew = events.insertIfNew(
                event.eventId(), type.wireName(), codec.mapper().writeValueAsString(data), event.occurredAt());
        if (isNew) {
            MessageEnvelope envelope = MessageEnvelope.builder()
                    .messageId(event.eventId())
                    .sender(SENDER, "supervisor")
                    .recipient(null, "broadcast")
                    .action(type.wireName())
                    .data(data)
                    .build();
            outbox.append(type.topic(), event.partitionKey(), envelope);
        }
        return new EventResult(
                event.eventId(), type.wireName(), isNew ? EventResult.Status.ACCEPTED : EventResult.Status.DUPLICATE);
    }

    private CommerceEvent parse(
            JsonNode json, String prefix, Caller caller, List<FieldErrorDetail> errors, List<String> refusals) {
        if (json == null || !json.isObject()) {
            errors.add(new FieldErrorDetail(
                    prefix.isEmpty() ? "event" : prefix.substring(0, prefix.length() - 1), "must be a JSON object"));
            return null;
        }
        JsonNode typeNode = json.get("type");
        String typeName = typeNode == null || !typeNode.isString() ? null : typeNode.asString();
        var type = CommerceEventType.fromWireName(typeName);
        if (type.isEmpty()) {
            errors.add(new FieldErrorDetail(
                    prefix + "type",
                    "must be one of "
                            + Arrays.stream(CommerceEventType.values())
                                    .map(CommerceEventType::wireName)
                                    .toList()));
            return null;
        }
        var refusedType = StorefrontPolicy.refusal(type.get(), caller);
        if (refusedType.isPresent()) {
            refusals.add(prefix + refusedType.get());
            return null;
        }
        List<String> unstorable = StorableText.nulPaths(json);
        if (!unstorable.isEmpty()) {
            unstorable.forEach(path -> errors.add(new FieldErrorDetail(prefix + path, StorableText.NUL_MESSAGE)));
            return null;
        }
        ObjectNode body = ((ObjectNode) json).deepCopy();
        body.remove("type");
        CommerceEvent event;
        try {
            event = codec.fromTree(body, type.get().payloadType());
        } catch (MalformedEnvelopeException e) {
            if (e.getCause() instanceof JacksonException unreadable
                    && !JsonReadErrors.pathOf(unreadable).isEmpty()) {
                errors.add(new FieldErrorDetail(
                        prefix + JsonReadErrors.pathOf(unreadable), JsonReadErrors.expectation(unreadable)));
            } else {
                errors.add(new FieldErrorDetail(
                        prefix.isEmpty() ? "event" : prefix.substring(0, prefix.length() - 1),
                        "is not a valid " + type.get().wireName() + " event"));
            }
            return null;
        }
        List<ConstraintViolation<CommerceEvent>> violations = new ArrayList<>(validator.validate(event));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<CommerceEvent> violation : violations) {
            errors.add(FieldErrorDetail.ofJavaPath(
                    prefix + violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!violations.isEmpty()) {
            return null;
        }
        var refusedEvent = StorefrontPolicy.refusal(event, caller);
        if (refusedEvent.isPresent()) {
            refusals.add(prefix + refusedEvent.get());
            return null;
        }
        List<FieldErrorDetail> unstorableAmounts = StorableAmounts.check(event, prefix);
        errors.addAll(unstorableAmounts);
        return unstorableAmounts.isEmpty() ? event : null;
    }
}
