package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
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
import com.agentfactory.messaging.time.YearRange;
import com.agentfactory.supervisor.privacy.ErasedCustomers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
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

    // the same whoever's order has the number, and whatever else keeps it from being used
    private static final String NUMBER_REFUSED = "cannot be used; place the order under another number";

    private static final String NUMBERS_REFUSED =
            "cannot be used, or a number beside it in this request cannot; place the orders under new numbers";

    /** Numbers by their value, as PostgreSQL compares them in JSON: an amount of 2.5 is one of 2.50. */
    private static final Comparator<JsonNode> BY_VALUE = (stored, sent) -> stored.isNumber() && sent.isNumber()
            ? stored.decimalValue().compareTo(sent.decimalValue())
            : stored.equals(sent) ? 0 : 1;

    private final EnvelopeCodec codec;
    private final Validator validator;
    private final CommerceEventRepository events;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final CataloguePrices prices;
    private final ErasedCustomers erasedCustomers;

    CommerceEventService(
            EnvelopeCodec codec,
            Validator validator,
            CommerceEventRepository events,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            CataloguePrices prices,
            ErasedCustomers erasedCustomers) {
        this.codec = codec;
        this.validator = validator;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.prices = prices;
        this.erasedCustomers = erasedCustomers;
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
            parsed.add(parse(jsons.get(i), prefixOf(fieldPrefix, i), caller, errors, refusals));
        }
        if (!refusals.isEmpty()) {
            throw new NotPermittedException(String.join("; ", refusals) + ".");
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(
                    "The events were not stored: " + errors.size() + " field(s) are invalid.", errors);
        }
        boolean customerOnly = StorefrontPolicy.isCustomerOnly(caller);
        if (customerOnly) {
            errors.addAll(repeatedOrders(parsed, fieldPrefix));
            if (!errors.isEmpty()) {
                throw new RuleViolationException(
                        "The events were not stored: " + errors.size() + " field(s) are invalid.", errors);
            }
        }
        List<EventResult> results = transactions.execute(status -> {
            lockOrders(parsed);
            // before any order number is looked up: refused only when stored, an event id used before would answer a
            // probe of a number with this refusal when the number is free and the number's when it is taken
            List<FieldErrorDetail> reused = reusedEventIds(parsed, fieldPrefix);
            if (!reused.isEmpty()) {
                throw new RuleViolationException(
                        "The events were not stored: an event id was used before for a different event.", reused);
            }
            if (customerOnly) {
                List<FieldErrorDetail> refused = refusedOrders(parsed, fieldPrefix);
                if (!refused.isEmpty()) {
                    throw new RuleViolationException(
                            "The events were not stored: " + refused.size() + " field(s) are invalid.", refused);
                }
            }
            Set<UUID> erased = erasedAmong(parsed);
            List<EventResult> stored = new ArrayList<>(parsed.size());
            for (int i = 0; i < parsed.size(); i++) {
                stored.add(store(parsed.get(i), prefixOf(fieldPrefix, i), erased));
            }
            return stored;
        });
        results.forEach(result -> meters.counter(
                        "supervisor.events.received",
                        "type",
                        result.type(),
                        "status",
                        result.status().name())
                .increment());
        return results;
    }

    /**
     * The customers named by these events that were erased, read under the customers' locks, held shared to the end of
     * the transaction: their erasure cannot run between this answer and the commit of their events. An event waits for
     * an erasure of its customer in progress, to be stored then as the erasure left the others. Two statements for the
     * whole request, not two per customer.
     */
    private Set<UUID> erasedAmong(List<CommerceEvent> parsed) {
        SortedSet<UUID> named = new TreeSet<>();
        parsed.forEach(event ->
                CommerceEventPersonalData.customerOf(codec.toTree(event)).ifPresent(named::add));
        erasedCustomers.lockShared(named);
        return erasedCustomers.erasedAmong(named);
    }

    /**
     * Stores the event and publishes it. An event naming an erased customer is stored as their erasure left their
     * others, and still published in full: the services that act on it (the stock and the money of an order the back
     * office cancels, say) keep their own record of erased customers and take it in without the customer.
     */
    private EventResult store(CommerceEvent event, String prefix, Set<UUID> erasedCustomers) {
        CommerceEventType type = event.type();
        JsonNode data = codec.toTree(event);
        boolean ofErased = CommerceEventPersonalData.customerOf(data)
                .filter(erasedCustomers::contains)
                .isPresent();
        String payload =
                codec.mapper().writeValueAsString(ofErased ? CommerceEventPersonalData.blanked(type, data) : data);
        boolean isNew = events.insertIfNew(event.eventId(), type.wireName(), payload, event.occurredAt());
        // only a resend of the very event is a duplicate: another event under a used id (a refund reusing an order's
        // id, say) would otherwise be answered as stored and never published
        if (!isNew && !isResend(event, data)) {
            throw new RuleViolationException(
                    "The events were not stored: an event id was used before for a different event.",
                    List.of(new FieldErrorDetail(
                            prefix + "event_id",
                            "is the id of a different event already stored; give this one its own")));
        }
        if (isNew && event instanceof ProductUpserted product) {
            prices.record(product);
        }
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

    /**
     * Whether the event stored under this id is this one: the same type and payload, compared as JSON values, or the
     * payload an erasure left of it. The stored payload is read through the event's record first, as this one was:
     * an event stored before its record began to tidy a field (an order number stripped, a blank original order
     * number none) keeps the form it came in, and its resend would otherwise be refused as another event.
     */
    private boolean isResend(CommerceEvent event, JsonNode data) {
        return events.storedPayload(event.eventId(), event.type().wireName(), event.occurredAt())
                .map(codec.mapper().reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)::readTree)
                .filter(stored -> CommerceEventPersonalData.isBlanked(stored)
                        ? sameOrder(stored, data)
                        : asReadNow(stored, event.type()).equals(BY_VALUE, data))
                .isPresent();
    }

    /** An erased order keeps its id: a resend of it names the same. */
    private static boolean sameOrder(JsonNode blanked, JsonNode data) {
        JsonNode orderId = blanked.get("order_id");
        return orderId == null || orderId.equals(data.get("order_id"));
    }

    private boolean isResend(CommerceEvent event) {
        return isResend(event, codec.toTree(event));
    }

    // a stored payload the record can no longer read is compared as it is
    private JsonNode asReadNow(JsonNode stored, CommerceEventType type) {
        try {
            return codec.toTree(codec.fromTree(stored, type.payloadType()));
        } catch (MalformedEnvelopeException unreadable) {
            return stored;
        }
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
        // the event records are shared with every consumer, so the bound the store needs is checked here
        if (event.occurredAt() != null && !YearRange.OPERATIONS.contains(event.occurredAt())) {
            errors.add(new FieldErrorDetail(prefix + "occurred_at", YearRange.OPERATIONS.requirement()));
            return null;
        }
        var refusedEvent = StorefrontPolicy.refusal(event, caller);
        if (refusedEvent.isPresent()) {
            refusals.add(prefix + refusedEvent.get());
            return null;
        }
        List<FieldErrorDetail> unstorableAmounts = StorableAmounts.check(event, prefix);
        errors.addAll(unstorableAmounts);
        if (!unstorableAmounts.isEmpty()) {
            return null;
        }
        return event;
    }

    /**
     * Two events of one customer request that place the same order (or give two orders one number) would both pass
     * the look-up of stored orders, which sees neither of them yet.
     */
    private static List<FieldErrorDetail> repeatedOrders(List<CommerceEvent> parsed, String fieldPrefix) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        Map<UUID, Integer> eventOfOrder = new HashMap<>();
        Map<String, Integer> eventOfNumber = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (!(parsed.get(i) instanceof OrderPlaced order)) {
                continue;
            }
            Integer first = eventOfOrder.putIfAbsent(order.orderId(), i);
            if (first != null && !((OrderPlaced) parsed.get(first)).eventId().equals(order.eventId())) {
                errors.add(new FieldErrorDetail(
                        prefixOf(fieldPrefix, i) + "order_id",
                        "is the order " + fieldPrefix + "[" + first + "] places already"));
            }
            Integer named = eventOfNumber.putIfAbsent(order.orderNumber().toUpperCase(Locale.ROOT), i);
            if (named != null && !((OrderPlaced) parsed.get(named)).orderId().equals(order.orderId())) {
                errors.add(new FieldErrorDetail(
                        prefixOf(fieldPrefix, i) + "order_number",
                        "is the number of the order " + fieldPrefix + "[" + named + "] places"));
            }
        }
        return errors;
    }

    /**
     * Waits for any other request placing one of these orders or numbers until it ends, so that the look-up of
     * stored orders that follows sees it. Taken in one order by every request, so two never wait on each other.
     */
    private void lockOrders(List<CommerceEvent> parsed) {
        SortedSet<String> keys = new TreeSet<>();
        for (CommerceEvent event : parsed) {
            if (event instanceof OrderPlaced order) {
                keys.add(lockOfOrder(order.orderId()));
                keys.add("commerce-order-number:" + order.orderNumber().toUpperCase(Locale.ROOT));
            }
        }
        keys.forEach(events::lock);
    }

    static String lockOfOrder(UUID orderId) {
        return "commerce-order:" + orderId;
    }

    /**
     * Run under the orders' locks, so that an order stored by another request meanwhile is seen: a customer's new
     * order must not be placed twice, nor take another order's number, nor be off the catalogue. A resend of an order
     * already stored is answered as a duplicate and changes nothing, so none of this applies to it: the first attempt
     * was booked and shipped, its answer may never have reached the shopper, and the catalogue may have changed
     * since. Refusing the resend would tell the shopper the order failed, and they would place it again.
     *
     * <p>Whether a number is taken would tell a shopper's token about other customers' orders, so it is looked up
     * only once the request's orders pass every other check: a request refused anyway must not say whether a number
     * is in use, or a deliberately wrong price would probe numbers for free. Only a request that would otherwise be
     * stored learns it, and when none of its numbers is taken its orders are placed. For the same reason a taken number
     * refuses every new order's number of the request alike: naming which one would answer hundreds of probes in one
     * refused batch. The storefront sends one order a request and draws a new number for any refused.
     */
    /**
     * The events whose id is that of a different event, stored or earlier in this request. A resend of the very event
     * is no clash: it is answered as a duplicate. {@link #store} checks again for an event stored meanwhile.
     */
    private List<FieldErrorDetail> reusedEventIds(List<CommerceEvent> parsed, String fieldPrefix) {
        Set<UUID> stored = events.storedIds(
                parsed.stream().map(CommerceEvent::eventId).distinct().toList());
        Map<UUID, Integer> firstWithId = new HashMap<>();
        List<FieldErrorDetail> errors = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            CommerceEvent event = parsed.get(i);
            Integer first = firstWithId.putIfAbsent(event.eventId(), i);
            boolean clash = first == null
                    ? stored.contains(event.eventId()) && !isResend(event)
                    : !sameEvent(parsed.get(first), event);
            if (clash) {
                errors.add(new FieldErrorDetail(
                        prefixOf(fieldPrefix, i) + "event_id",
                        first == null
                                ? "is the id of a different event already stored; give this one its own"
                                : "is the id of a different event in this request; give this one its own"));
            }
        }
        return errors;
    }

    private boolean sameEvent(CommerceEvent one, CommerceEvent other) {
        return one.type() == other.type() && codec.toTree(one).equals(BY_VALUE, codec.toTree(other));
    }

    private List<FieldErrorDetail> refusedOrders(List<CommerceEvent> parsed, String fieldPrefix) {
        Map<Integer, OrderPlaced> newOrders = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof OrderPlaced order && !isResend(order)) {
                newOrders.put(i, order);
            }
        }
        List<FieldErrorDetail> errors = new ArrayList<>();
        newOrders.forEach((i, order) -> {
            String prefix = prefixOf(fieldPrefix, i);
            // a retry must resend the same event (answered as a duplicate); a new event id would place it again
            if (events.orderPlacedByAnotherEvent(order.orderId(), order.eventId())) {
                errors.add(new FieldErrorDetail(
                        prefix + "order_id", "was already placed by another event; resend that event to retry"));
            }
            errors.addAll(offCatalogue(order, prefix));
        });
        if (!errors.isEmpty()) {
            return errors;
        }
        // a shopper's token must not claim a number the shop gave another order: the real one would then fail
        boolean numberTaken = newOrders.values().stream()
                .anyMatch(order -> events.orderNumberTakenByAnotherOrder(order.orderNumber(), order.orderId()));
        if (!numberTaken) {
            return List.of();
        }
        String refusal = newOrders.size() == 1 ? NUMBER_REFUSED : NUMBERS_REFUSED;
        return newOrders.keySet().stream()
                .map(i -> new FieldErrorDetail(prefixOf(fieldPrefix, i) + "order_number", refusal))
                .toList();
    }

    private static String prefixOf(String fieldPrefix, int index) {
        return fieldPrefix.isEmpty() ? "" : fieldPrefix + "[" + index + "].";
    }

    /**
     * A customer's own order must be at the catalogue's prices and name each product by its catalogue SKU: the
     * storefront sends what the shopper saw, and a shopper's token must not be able to book an order at a price of
     * their choosing, nor pay for a cheap product while the inventory agent, which reserves and deducts stock by SKU,
     * ships an expensive one.
     */
    private List<FieldErrorDetail> offCatalogue(OrderPlaced order, String prefix) {
        Map<UUID, CataloguePrices.Listing> catalogue =
                prices.of(order.lines().stream().map(OrderLine::productId).toList());
        List<FieldErrorDetail> errors = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            String field = prefix + "lines[" + i + "].";
            CataloguePrices.Listing listing = catalogue.get(line.productId());
            Money price = listing == null ? null : listing.price();
            if (listing == null) {
                errors.add(new FieldErrorDetail(field + "product_id", "is not in the catalogue"));
            } else if (!listing.sku().equals(line.sku())) {
                errors.add(new FieldErrorDetail(
                        field + "sku", "must be " + listing.sku() + ", the catalogue's SKU of the product"));
            } else if (!price.currency().equals(order.currency())) {
                errors.add(new FieldErrorDetail(
                        prefix + "currency", "must be " + price.currency() + ", the catalogue's currency"));
            } else if (price.amount().compareTo(line.unitPrice()) != 0) {
                errors.add(new FieldErrorDetail(
                        field + "unit_price",
                        "must be the catalogue price, "
                                + price.amount().stripTrailingZeros().toPlainString() + " " + price.currency()));
            }
        }
        return errors.stream().distinct().toList();
    }
}
