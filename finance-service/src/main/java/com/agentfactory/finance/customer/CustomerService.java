package com.agentfactory.finance.customer;

import com.agentfactory.finance.attribution.AttributionService;
import com.agentfactory.finance.attribution.RecordTouchpointRequest;
import com.agentfactory.finance.privacy.ErasedCustomers;
import com.agentfactory.finance.transaction.FinancialTransaction;
import com.agentfactory.finance.transaction.LedgerEntryBooked;
import com.agentfactory.finance.transaction.TransactionType;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.time.YearRange;
import com.agentfactory.messaging.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Behaviour events and segments. A new behaviour or a booked order re-evaluates the customer at once, a
 * schedule ({@link SegmentRefresher}) re-evaluates everyone, so recency moves customers on with time; a change
 * of segment (or the first assignment) writes a history row and, in the same transaction, a
 * {@link CustomerSegmentChanged} to the outbox for finance.segments.
 */
@Service
public class CustomerService {

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);
    private static final String TOUCHPOINTS_REFUSED =
            "only the platform's agents and staff may attribute a behaviour to an agent";

    private final CustomerRepository repository;
    private final AttributionService attribution;
    private final ErasedCustomers erasedCustomers;
    private final TransactionTemplate separately;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;
    private final Clock clock;

    CustomerService(
            CustomerRepository repository,
            AttributionService attribution,
            ErasedCustomers erasedCustomers,
            PlatformTransactionManager transactions,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            AgentRuntimeProperties agent,
            Clock clock) {
        this.repository = repository;
        this.attribution = attribution;
        this.erasedCustomers = erasedCustomers;
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Records a behaviour; one naming an agent and channel is also that agent's touchpoint, which earns the agent a
     * share of the customer's revenue, so only the platform's agents and staff may name them: a customer reporting
     * their own behaviour would otherwise credit any agent they like. An erased customer's behaviour is not recorded
     * (no id, not created), nor is it their touchpoint.
     */
    @Transactional
    public SegmentResponse.BehaviorRecorded recordBehavior(
            UUID customerId, RecordBehaviorRequest request, Caller caller) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        var type = BehaviorType.fromWireName(request.eventType());
        if (type.isEmpty()) {
            errors.add(new FieldErrorDetail("event_type", "must be one of " + BehaviorType.allWireNames()));
        }
        if (!mayRecordTouchpoints(caller)) {
            if (request.agent() != null) {
                errors.add(new FieldErrorDetail("agent", TOUCHPOINTS_REFUSED));
            }
            if (request.channel() != null) {
                errors.add(new FieldErrorDetail("channel", TOUCHPOINTS_REFUSED));
            }
        } else if ((request.agent() == null) != (request.channel() == null)) {
            errors.add(new FieldErrorDetail(
                    request.agent() == null ? "agent" : "channel",
                    "agent and channel are given together: the behaviour is then the agent's touchpoint"));
        }
        Instant now = clock.instant();
        if (request.occurredAt() != null && request.occurredAt().isAfter(now.plus(1, ChronoUnit.DAYS))) {
            errors.add(new FieldErrorDetail("occurred_at", "must not be in the future"));
        } else if (request.occurredAt() != null && !YearRange.RECORDS.contains(request.occurredAt())) {
            errors.add(new FieldErrorDetail("occurred_at", YearRange.RECORDS.requirement()));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The behaviour event is not acceptable.", errors);
        }
        // as finely as the table keeps it, so a retry's time compares equal to the stored one
        Instant occurredAt =
                request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (erasedCustomers.keepsNoCustomer(customerId)) {
            return new SegmentResponse.BehaviorRecorded(null, false, null, null);
        }
        var behavior = new CustomerRepository.Behavior(
                customerId,
                type.get().wireName(),
                request.eventData(),
                request.sessionId(),
                request.agent(),
                request.channel(),
                request.eventId(),
                occurredAt);
        UUID id = UUID.randomUUID();
        boolean created = repository.insertBehavior(id, behavior);
        if (!created) {
            UUID first = repository
                    .sameBehavior(behavior, request.occurredAt() != null)
                    // answering the first would tell the caller its behaviour was recorded when nothing was, or
                    // hand it another customer's behaviour
                    .orElseThrow(() -> RuleViolationException.of(
                            "event_id", "was used for another behaviour; a retry must repeat its request"));
            return new SegmentResponse.BehaviorRecorded(first, false, null, null);
        }
        UUID touchpointId = null;
        if (request.agent() != null) {
            touchpointId = attribution
                    .record(new RecordTouchpointRequest(
                            customerId,
                            request.agent(),
                            request.channel(),
                            type.get().wireName(),
                            request.eventData() == null
                                    ? null
                                    : stringOrNull(request.eventData().get("campaign_id")),
                            null,
                            request.eventData(),
                            id,
                            occurredAt))
                    .id();
        }
        Segment segment = evaluate(customerId, "behaviour " + type.get().wireName());
        return new SegmentResponse.BehaviorRecorded(id, true, touchpointId, segment);
    }

    /**
     * Records a storefront behaviour from the commerce.behaviour topic; false when already recorded, or not recorded as
     * the customer was erased (the topic may lag behind the privacy request).
     */
    @Transactional
    public boolean recordStorefrontBehavior(
            UUID customerId,
            BehaviorType type,
            String sessionId,
            Map<String, Object> data,
            UUID eventId,
            Instant occurredAt) {
        if (erasedCustomers.keepsNoCustomer(customerId)) {
            return false;
        }
        boolean created = repository.insertBehavior(
                UUID.randomUUID(),
                new CustomerRepository.Behavior(
                        customerId, type.wireName(), data, sessionId, null, null, eventId, occurredAt));
        if (created) {
            evaluate(customerId, "behaviour " + type.wireName());
        }
        return created;
    }

    /**
     * After the booking commits, in a transaction of its own: segmentation is not money, so a failure here
     * must not undo the revenue; it is logged, and the scheduled re-evaluation catches the customer up.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onLedgerEntryBooked(LedgerEntryBooked booked) {
        FinancialTransaction t = booked.transaction();
        if (t.customerId() == null) {
            return;
        }
        try {
            separately.executeWithoutResult(status -> afterBooking(t));
        } catch (RuntimeException e) {
            log.warn("Customer {} not re-evaluated after {} {}: {}", t.customerId(), t.type(), t.id(), e.getMessage());
        }
    }

    private void afterBooking(FinancialTransaction t) {
        // an erased customer's money is booked under their pseudonym, which stands for no one to record a purchase of
        // or to segment; and a booking under their id that committed just before their erasure is caught here
        if (erasedCustomers.keepsNoCustomer(t.customerId())) {
            return;
        }
        if (t.type() == TransactionType.REVENUE) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("order_id", t.orderId() == null ? null : t.orderId().toString());
            data.put("amount", t.amount().toPlainString());
            data.put("currency", t.currency());
            // the transaction's source event id is the order event's; a different namespace would collide
            // with nothing, since behaviours' source ids are behaviour event ids
            repository.insertBehavior(
                    UUID.randomUUID(),
                    new CustomerRepository.Behavior(
                            t.customerId(),
                            BehaviorType.PURCHASE.wireName(),
                            data,
                            null,
                            null,
                            null,
                            t.sourceEventId(),
                            t.occurredAt()));
        }
        evaluate(t.customerId(), t.type() == TransactionType.REVENUE ? "order placed" : "order refunded");
    }

    /**
     * Re-evaluates one customer's segment; a change (or the first assignment) writes history and is published. Null,
     * and nothing written, for an erased customer or the pseudonym an erasure gave one's ledger entries: a segment of
     * the pseudonym would be published as a new customer's.
     */
    @Transactional
    public Segment evaluate(UUID customerId, String trigger) {
        if (erasedCustomers.keepsNoCustomer(customerId)) {
            return null;
        }
        Instant now = clock.instant();
        CustomerFacts facts = repository.facts(customerId, now);
        SegmentAssignment assignment = SegmentRules.assign(facts, now);
        var current = repository.currentForUpdate(customerId);
        if (current.isEmpty()) {
            if (repository.insertFirst(customerId, assignment, now)) {
                recordChange(customerId, null, assignment.segment(), trigger + ": " + assignment.reason(), now);
                return assignment.segment();
            }
            current = repository.currentForUpdate(customerId);
        }
        Segment previous = current.orElseThrow().segment();
        boolean changed = previous != assignment.segment();
        repository.update(customerId, assignment, changed, now);
        if (changed) {
            recordChange(customerId, previous, assignment.segment(), trigger + ": " + assignment.reason(), now);
        }
        return assignment.segment();
    }

    /**
     * Records the change and tells other services in the same transaction, so the event exists exactly when the
     * history row does; the history row's id is the message's, tying what was sent to what was recorded.
     */
    private void recordChange(UUID customerId, Segment from, Segment to, String reason, Instant now) {
        UUID changeId = repository.insertHistory(customerId, from, to, reason, now);
        var event = new CustomerSegmentChanged(
                customerId, to.wireName(), from == null ? null : from.wireName(), reason, now);
        outbox.append(
                Topics.FINANCE_SEGMENTS,
                event.partitionKey(),
                MessageEnvelope.builder()
                        .messageId(changeId)
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(MessageEnvelope.BROADCAST, MessageEnvelope.BROADCAST)
                        .action(CustomerSegmentChanged.ACTION)
                        .data(codec.toTree(event))
                        .build());
    }

    @Transactional(readOnly = true)
    public SegmentResponse segment(UUID customerId) {
        var current = repository
                .current(customerId)
                .orElseThrow(() ->
                        new CustomerNotFoundException("no behaviour or order is recorded for customer " + customerId));
        return new SegmentResponse(
                customerId,
                current.segment(),
                current.confidence(),
                new SegmentResponse.Rfm(current.recency(), current.frequency(), current.monetary()),
                current.reason(),
                current.assignedAt(),
                current.evaluatedAt(),
                repository.history(customerId));
    }

    List<UUID> customersAfter(UUID after, int limit) {
        return repository.customersToEvaluate(limit, after);
    }

    private static boolean mayRecordTouchpoints(Caller caller) {
        return caller.hasAnyRole(Caller.SYSTEM_AGENT, Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SUPPORT_AGENT);
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
