package com.agentfactory.finance.attribution;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.FinancialTransaction;
import com.agentfactory.finance.transaction.LedgerEntryBooked;
import com.agentfactory.finance.transaction.TransactionType;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.time.YearRange;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records touchpoints and shares each booked order's revenue over the customer's touchpoints in the
 * lookback window, under every model, in the booking's own database transaction.
 */
@Service
public class AttributionService {

    private final AttributionRepository repository;
    private final AttributionProperties properties;
    private final AuditActor auditActor;
    private final Clock clock;

    AttributionService(
            AttributionRepository repository, AttributionProperties properties, AuditActor auditActor, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.auditActor = auditActor;
        this.clock = clock;
    }

    public AttributionProperties properties() {
        return properties;
    }

    /**
     * Records a touchpoint; a retry with the same source event id returns the first one, and another touchpoint
     * under that id is refused with 422 naming source_event_id, as the ledger refuses a reused one.
     */
    @Transactional
    public AttributionResponse.TouchpointRecorded record(RecordTouchpointRequest request) {
        Instant now = clock.instant();
        // as finely as the table keeps it, so a retry's time compares equal to the stored one
        Instant occurredAt =
                request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plus(1, ChronoUnit.DAYS))) {
            throw RuleViolationException.of("occurred_at", "must not be in the future");
        }
        YearRange.RECORDS.requireContains("occurred_at", occurredAt, RuleViolationException::of);
        UUID id = UUID.randomUUID();
        boolean created = repository.insertTouchpoint(
                id,
                request.customerId(),
                request.agent(),
                request.channel(),
                request.touchpointType(),
                request.campaignId(),
                request.responseTimeMs(),
                request.metadata() == null ? Map.of() : request.metadata(),
                request.sourceEventId(),
                occurredAt);
        if (created) {
            return new AttributionResponse.TouchpointRecorded(id, true);
        }
        var first = repository.recordedUnder(
                request.sourceEventId(),
                request.customerId(),
                request.agent(),
                request.channel(),
                request.touchpointType(),
                request.campaignId(),
                request.responseTimeMs(),
                request.metadata(),
                request.occurredAt() == null ? null : occurredAt);
        if (!first.differing().isEmpty()) {
            // answering the first would tell the caller its touchpoint was recorded when nothing was
            List<FieldErrorDetail> errors = new ArrayList<>();
            errors.add(new FieldErrorDetail(
                    "source_event_id", "was used for another touchpoint; a retry must repeat its request"));
            first.differing()
                    .forEach(field -> errors.add(new FieldErrorDetail(
                            field, "differs from the touchpoint recorded under this source_event_id")));
            throw new RuleViolationException("The source event was recorded as another touchpoint.", errors);
        }
        return new AttributionResponse.TouchpointRecorded(first.id(), false);
    }

    @EventListener
    @Order(1)
    void onLedgerEntryBooked(LedgerEntryBooked booked) {
        if (booked.transaction().type() == TransactionType.REVENUE) {
            attribute(booked.transaction());
        }
    }

    /** Writes the shares of one revenue transaction under every model; a second call adds nothing. */
    @Transactional
    public void attribute(FinancialTransaction revenue) {
        auditActor.stamp();
        Instant at = revenue.occurredAt();
        List<Touchpoint> touchpoints = revenue.customerId() == null
                ? List.of()
                : repository.touchpoints(revenue.customerId(), at.minus(properties.lookback()), at);
        for (AttributionModel model : AttributionModel.values()) {
            for (AttributionShare share :
                    AttributionCalculator.attribute(touchpoints, revenue.amount(), at, model, properties.halfLife())) {
                repository.insertShare(
                        revenue.id(), revenue.orderId(), revenue.customerId(), model, share, revenue.currency(), at);
            }
        }
    }

    @Transactional(readOnly = true)
    public AttributionResponse.OfOrder ofOrder(UUID orderId, AttributionModel model) {
        return new AttributionResponse.OfOrder(orderId, repository.ofOrder(orderId, model));
    }

    @Transactional(readOnly = true)
    public List<AttributionResponse.Revenue> revenueBy(
            String dimension, AttributionModel model, java.time.LocalDate from, java.time.LocalDate to) {
        return repository.revenueBy(dimension, model, from, to);
    }
}
