package com.agentfactory.finance.attribution;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.FinancialTransaction;
import com.agentfactory.finance.transaction.LedgerEntryBooked;
import com.agentfactory.finance.transaction.TransactionType;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.time.YearRange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records touchpoints and shares each booked order's revenue over the customer's touchpoints in the
 * lookback window, under every model, in the booking's own database transaction; a booked refund of the order
 * takes its part back from those shares in the refund's transaction.
 */
@Service
public class AttributionService {

    private static final Logger log = LoggerFactory.getLogger(AttributionService.class);

    private final AttributionRepository repository;
    private final AttributionProperties properties;
    private final AuditActor auditActor;
    private final Clock clock;
    private final Counter unmatchedRefunds;

    AttributionService(
            AttributionRepository repository,
            AttributionProperties properties,
            AuditActor auditActor,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.auditActor = auditActor;
        this.clock = clock;
        this.unmatchedRefunds = Counter.builder("finance.attribution.refunds.unmatched")
                .description("Refunds booked with no attributed revenue of their order to net them against")
                .register(meters);
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
        // the request dated as it is recorded: inserted, or compared with the touchpoint already under its id
        RecordTouchpointRequest touchpoint = new RecordTouchpointRequest(
                request.customerId(),
                request.agent(),
                request.channel(),
                request.touchpointType(),
                request.campaignId(),
                request.responseTimeMs(),
                request.metadata(),
                request.sourceEventId(),
                occurredAt);
        UUID id = UUID.randomUUID();
        if (repository.insertTouchpoint(id, touchpoint)) {
            return new AttributionResponse.TouchpointRecorded(id, true);
        }
        // an undated request is dated when it is recorded, so its retry is dated later
        var first = repository.recordedUnder(touchpoint, request.occurredAt() != null);
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
        FinancialTransaction transaction = booked.transaction();
        if (transaction.type() == TransactionType.REVENUE) {
            attribute(transaction);
        } else if (transaction.type() == TransactionType.REFUND) {
            AttributionRepository.Refund refund = new AttributionRepository.Refund(
                    transaction.id(),
                    transaction.amount(),
                    transaction.currency(),
                    transaction.orderId(),
                    transaction.orderNumber(),
                    transaction.occurredAt());
            repository.lockOrder(refund.orderId(), refund.orderNumber());
            if (!net(refund)) {
                // a cancellation under an id of its own that names no original order cannot be netted; one booked
                // before its order is netted when the order's revenue is attributed
                unmatchedRefunds.increment();
                log.debug(
                        "refund {} of {} {} matches no attributed revenue of order {} ({}); nothing netted",
                        refund.transactionId(),
                        refund.amount(),
                        refund.currency(),
                        refund.orderId(),
                        refund.orderNumber());
            }
        }
    }

    /** Writes the shares of one revenue transaction under every model; a second call adds nothing. */
    @Transactional
    public void attribute(FinancialTransaction revenue) {
        auditActor.stamp();
        // before the refunds of the order are read: one booked at the same time elsewhere then either committed
        // before this point and is read below, or waits and then sees these shares
        repository.lockOrder(revenue.orderId(), revenue.orderNumber());
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
        // refunds are booked after their order as a rule; one that came first (a replay, a late order) is netted now
        if (revenue.orderId() != null || revenue.orderNumber() != null) {
            repository
                    .refundsOf(revenue.orderId(), revenue.orderNumber(), revenue.currency())
                    .forEach(this::net);
        }
    }

    /**
     * Takes a refund back from the attributed revenue of its order: under every model, from each share in proportion
     * to what it has left, never below zero, once per refund (its ledger transaction). The shares stay as attributed;
     * what the refund took is written beside them, so the trail keeps both and reports net one off the other.
     *
     * @return false when the order has no attributed revenue in the refund's currency
     */
    private boolean net(AttributionRepository.Refund refund) {
        List<AttributionRepository.RefundableShare> shares =
                repository.refundableShares(refund.orderId(), refund.orderNumber(), refund.currency());
        if (shares.isEmpty()) {
            return false;
        }
        if (repository.netted(refund.transactionId())) {
            return true;
        }
        Map<AttributionModel, List<AttributionRepository.RefundableShare>> byModel =
                new EnumMap<>(AttributionModel.class);
        shares.forEach(share -> byModel.computeIfAbsent(share.model(), model -> new ArrayList<>())
                .add(share));
        boolean tookAny = false;
        for (List<AttributionRepository.RefundableShare> ofModel : byModel.values()) {
            List<BigDecimal> taken = AttributionCalculator.takeBack(
                    ofModel.stream()
                            .map(AttributionRepository.RefundableShare::left)
                            .toList(),
                    refund.amount());
            for (int i = 0; i < ofModel.size(); i++) {
                if (taken.get(i).signum() > 0) {
                    repository.insertRefund(ofModel.get(i).id(), refund, taken.get(i));
                    tookAny = true;
                }
            }
        }
        if (!tookAny) {
            // no row names it, so without the mark the netting of earlier refunds would come back to it at every start
            repository.markConsidered(refund, clock.instant());
        }
        return true;
    }

    /**
     * Nets a refund already in the ledger, as its booking would have, under the order's lock as bookings take it; one
     * netted before nets nothing more. The caller's transaction is the refund's.
     */
    void netBookedRefund(AttributionRepository.Refund refund) {
        auditActor.stamp();
        repository.lockOrder(refund.orderId(), refund.orderNumber());
        net(refund);
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
