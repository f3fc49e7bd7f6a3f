package com.agentfactory.finance.attribution;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.privacy.ErasedCustomers;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final ErasedCustomers erasedCustomers;
    private final Clock clock;
    private final Counter unmatchedRefunds;

    AttributionService(
            AttributionRepository repository,
            AttributionProperties properties,
            AuditActor auditActor,
            ErasedCustomers erasedCustomers,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.auditActor = auditActor;
        this.erasedCustomers = erasedCustomers;
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
     * under that id is refused with 422 naming source_event_id, as the ledger refuses a reused one. An erased
     * customer's touchpoint is not recorded (no id, not created): it would name them again and credit their later
     * orders' revenue to it.
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
        if (erasedCustomers.keepsNoCustomer(request.customerId())) {
            return new AttributionResponse.TouchpointRecorded(null, false);
        }
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
            // a refund netted against an earlier revenue of the order and offset at this one's booking took too much
            giveBackBeyondOffsets(revenue.orderId(), revenue.orderNumber(), revenue.currency());
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
    void netBookedRefund(AttributionRepository.RefundOfOrder booked) {
        auditActor.stamp();
        lockOrderOf(booked);
        net(booked.refund());
    }

    /**
     * Gives back what the netting of an offset refund took beyond what it refunds once offset, as {@link
     * #giveBackBeyondOffsets} does, for the order as its revenue was booked (the refund may name it otherwise) and
     * under its lock as bookings take it, and marks the refund's offsets as considered, whether anything was given
     * back or not: in the same transaction, so that a refund is either given back and marked or neither. The caller's
     * transaction is the order's.
     *
     * @return how many refunds gave something back
     */
    int giveBackOfBookedRefund(AttributionRepository.RefundOfOrder booked) {
        auditActor.stamp();
        lockOrderOf(booked);
        int gave = giveBackBeyondOffsets(
                booked.orderId(), booked.orderNumber(), booked.refund().currency());
        // a refund whose order had nothing (more) to give back still took more than it refunds once offset; unmarked,
        // the give-back at start-up would come back to it at every start
        repository.markOffsetsConsidered(booked.refund().transactionId(), clock.instant());
        return gave;
    }

    /**
     * Takes the lock of the refund's order under both its id and its number, and under the keys the refund names it
     * by, before the shares are locked and anything audited is written. A booking of another refund naming the order
     * by one key only holds that key and the audit chain's head while it waits for the shares; holding the shares
     * without that key first and then waiting for the head would deadlock with it.
     */
    private void lockOrderOf(AttributionRepository.RefundOfOrder booked) {
        AttributionRepository.Refund refund = booked.refund();
        repository.lockOrders(
                Arrays.asList(booked.orderId(), refund.orderId()),
                Arrays.asList(booked.orderNumber(), refund.orderNumber()));
    }

    /**
     * Refunds booked before their order whose order was booked before offsets were (V14) were netted whole when it
     * was attributed; the offsets written since cap them, and under every model the order's shares get back what the
     * netting took beyond what its refunds refund once capped: the netting of the order's refunds comes to at most
     * what they refund together (and at most what was attributed). What is given back comes from the offset refunds,
     * latest first as offsets take back, each at most what it took beyond what it refunds once offset, from each share
     * in proportion to what it took from it. A row of its own per offset and share records it (the netting's rows stay
     * as written), so reports net it as they net refunds. A second call finds nothing more to give back: the netting
     * then comes to what the refunds refund.
     *
     * <p>Only what the netting took beyond the refunds together is given back: a refund the netting left short because
     * an earlier one had taken all there was is not netted again, so giving back all an earlier one took beyond its
     * capped amount would leave the order's shares with more than its refunds left them.
     *
     * @return how many refunds gave something back
     */
    private int giveBackBeyondOffsets(UUID orderId, String orderNumber, String currency) {
        List<AttributionRepository.ShareNetting> rows = repository.nettingsOf(orderId, orderNumber, currency);
        if (rows.stream().allMatch(row -> row.transactionId() == null)) {
            return 0;
        }
        List<AttributionRepository.LookedAtRefund> refunds = repository.refundsLookedAt(orderId, orderNumber, currency);
        if (refunds.stream().allMatch(refund -> refund.offsets().isEmpty())) {
            return 0;
        }
        BigDecimal refunded = refunds.stream()
                .map(refund -> refund.capped().max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<AttributionModel, List<AttributionRepository.ShareNetting>> byModel = new EnumMap<>(AttributionModel.class);
        rows.forEach(row ->
                byModel.computeIfAbsent(row.model(), model -> new ArrayList<>()).add(row));
        Set<UUID> gave = new LinkedHashSet<>();
        for (List<AttributionRepository.ShareNetting> ofModel : byModel.values()) {
            Map<UUID, BigDecimal> attributed = new LinkedHashMap<>();
            ofModel.forEach(row -> attributed.put(row.shareId(), row.attributed()));
            BigDecimal netted = ofModel.stream()
                    .filter(row -> row.transactionId() != null)
                    .map(AttributionRepository.ShareNetting::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal due = attributed.values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .min(refunded);
            BigDecimal excess = netted.subtract(due);
            // newest first, as the refunds are read
            for (AttributionRepository.LookedAtRefund refund : refunds) {
                if (excess.signum() <= 0) {
                    break;
                }
                if (refund.offsets().isEmpty()) {
                    continue;
                }
                Map<UUID, BigDecimal> took = new LinkedHashMap<>();
                ofModel.stream()
                        .filter(row -> refund.id().equals(row.refundId()))
                        .forEach(row -> took.merge(row.shareId(), row.amount(), BigDecimal::add));
                BigDecimal beyond = took.values().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .subtract(refund.capped().max(BigDecimal.ZERO));
                if (beyond.signum() <= 0) {
                    continue;
                }
                Optional<UUID> offset = refund.offsets().stream()
                        .filter(id -> ofModel.stream().noneMatch(row -> id.equals(row.transactionId())))
                        .findFirst();
                if (offset.isEmpty()) {
                    // every offset of it gave back under this model already; a later offset is a new one
                    log.warn(
                            "refund {} took {} {} beyond what it refunds once offset, and no offset of it is left to"
                                    + " give that back",
                            refund.id(),
                            beyond,
                            currency);
                    continue;
                }
                BigDecimal give = beyond.min(excess);
                List<UUID> shares = new ArrayList<>(took.keySet());
                List<BigDecimal> parts = AttributionCalculator.takeBack(
                        shares.stream()
                                .map(share -> took.get(share).max(BigDecimal.ZERO))
                                .toList(),
                        give);
                for (int i = 0; i < shares.size(); i++) {
                    if (parts.get(i).signum() > 0) {
                        repository.insertGiveBack(
                                shares.get(i), offset.get(), refund.id(), parts.get(i), currency, refund.at());
                    }
                }
                excess = excess.subtract(give);
                gave.add(refund.id());
            }
        }
        if (!gave.isEmpty()) {
            log.info(
                    "refunds {} of order {} ({}) were netted beyond what they refund once offset; the order's shares"
                            + " got the difference back",
                    gave,
                    orderId,
                    orderNumber);
        }
        return gave.size();
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
