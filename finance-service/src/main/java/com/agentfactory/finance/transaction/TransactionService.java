package com.agentfactory.finance.transaction;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.privacy.ErasedCustomers;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.time.YearRange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the ledger. Every write is idempotent on its source event id. */
@Service
public class TransactionService {

    private static final Logger log = LoggerFactory.getLogger(TransactionService.class);

    private final TransactionRepository transactions;
    private final AuditActor auditActor;
    private final ErasedCustomers erasedCustomers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter cappedRefunds;

    TransactionService(
            TransactionRepository transactions,
            AuditActor auditActor,
            ErasedCustomers erasedCustomers,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.auditActor = auditActor;
        this.erasedCustomers = erasedCustomers;
        this.events = events;
        this.clock = clock;
        this.cappedRefunds = Counter.builder("finance.refunds.capped")
                .description(
                        "Refunds booked short of what they asked, their order's products being refunded already, and"
                                + " refunds booked before their order offset where they took back more than it sold")
                .register(meters);
    }

    /**
     * Revenue of the order's total; false when the event was already recorded or carries no amount. An erased
     * customer's order is booked under their pseudonym (see {@link ErasedCustomers}).
     */
    @Transactional
    public boolean recordOrderPlaced(OrderPlaced order) {
        auditActor.stamp();
        // before any write, as the order's lock is: the refunds' offsets below are audited writes
        UUID customerId = erasedCustomers.bookedUnder(order.customerId());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("lines", order.lines().size());
        if (order.country() != null) {
            metadata.put("country", order.country());
        }
        // what each product sold for, which its refunds are capped at
        Map<String, BigDecimal> sold = byProduct(order.lines());
        metadata.put("products", sold);
        transactions.lockOrder(order.orderId(), order.orderNumber());
        // before the revenue is booked, whose attribution nets the order's refunds: they are netted as offset
        if (Amounts.inRange(Amounts.toCents(order.total()))
                && transactions.findBySourceEventId(order.eventId()).isEmpty()) {
            var identity = new TransactionRepository.OrderIdentity(order.orderId(), order.orderNumber());
            // the refunds are the whole order's, so they are measured against all it sold: goods added to it under an
            // id of their own sell none of its earlier goods, and measured alone they would offset those goods' refunds
            Map<String, BigDecimal> soldByTheOrder =
                    new LinkedHashMap<>(transactions.soldByProduct(identity, order.currency()));
            sold.forEach((product, amount) -> soldByTheOrder.merge(product, amount, BigDecimal::add));
            offsetRefundsBeyond(identity, order.currency(), soldByTheOrder, order.eventId());
        }
        return recordFromEvent(
                order.eventId(),
                TransactionType.REVENUE,
                order.total(),
                order.currency(),
                order.orderId(),
                order.orderNumber(),
                customerId,
                metadata,
                order.occurredAt());
    }

    /**
     * Refund of the cancelled lines' total, short of what their products already had refunded of the order it names
     * (see {@link #recordRefund}).
     */
    @Transactional
    public boolean recordOrderCancelled(OrderCancelled cancellation) {
        auditActor.stamp();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cancellation_number", cancellation.cancellationNumber());
        metadata.put("refunded", cancellation.refunded());
        if (cancellation.reason() != null) {
            metadata.put("reason", cancellation.reason());
        }
        return recordRefund(
                cancellation.eventId(),
                byProduct(cancellation.lines()),
                cancellation.total(),
                cancellation.currency(),
                cancellation.orderId(),
                cancellation.originalOrderNumber(),
                cancellation.customerId(),
                metadata,
                cancellation.occurredAt());
    }

    /**
     * Refund of a return whose goods arrived, to the order it came from; false when the receipt was booked before
     * (its event id is the transaction's source event) or the refund is zero. Short of what the returned products
     * already had refunded of the order (see {@link #recordRefund}); a receipt without a refund per line is booked whole.
     */
    @Transactional
    public boolean recordReturnReceived(ReturnReceived receipt) {
        auditActor.stamp();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("return_id", receipt.returnId().toString());
        metadata.put("lines", receipt.lines().size());
        if (receipt.receivedBy() != null) {
            metadata.put("received_by", receipt.receivedBy());
        }
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        for (ReturnReceived.Line line : receipt.lines()) {
            if (line.sku() == null || line.refund() == null) {
                products.clear();
                break;
            }
            products.merge(product(line.sku()), line.refund(), BigDecimal::add);
        }
        return recordRefund(
                receipt.eventId(),
                products,
                receipt.refundAmount(),
                receipt.currency(),
                receipt.orderId(),
                receipt.orderNumber(),
                receipt.customerId(),
                metadata,
                receipt.occurredAt());
    }

    /**
     * The expense a committed budget reservation spent; keyed on the reservation so it is written once.
     *
     * @param occurredAt when the money was spent, which may be before it was booked (spend settled after the day)
     */
    @Transactional
    public UUID recordExpense(
            UUID reservationId,
            BigDecimal amount,
            String currency,
            String department,
            String attributedAgent,
            String description,
            Map<String, Object> metadata,
            Instant occurredAt) {
        auditActor.stamp();
        FinancialTransaction expense = new FinancialTransaction(
                UUID.randomUUID(),
                TransactionType.EXPENSE,
                amount,
                currency,
                null,
                null,
                null,
                attributedAgent,
                department,
                description,
                metadata,
                reservationId,
                occurredAt,
                clock.instant());
        if (transactions.insert(expense)) {
            return expense.id();
        }
        FinancialTransaction first =
                transactions.findBySourceEventId(reservationId).orElseThrow();
        // the id is also open to transactions posted to the ledger: another one there must not pass for this spend
        if (first.type() != TransactionType.EXPENSE
                || first.amount().compareTo(amount) != 0
                || !first.currency().equals(currency)
                || !Objects.equals(first.department(), department)) {
            throw new ConflictException("the ledger holds transaction " + first.id() + " ("
                    + first.type().wireName()
                    + " of " + first.amount() + " " + first.currency() + " for " + first.department()
                    + ") under source_event_id " + reservationId + ", which is not this " + amount + " " + currency
                    + " expense of " + department + "; nothing was booked");
        }
        return first.id();
    }

    /**
     * Books a refund of an order at most at what the order sold of each product less what refunds of the order took
     * back of it before: support refunds a return when its goods arrive, and the storefront's back office may then
     * cancel the same goods as a credit note (or cancel first and the goods come back after), and the customer must
     * not be paid twice. The part beyond is not booked; it is counted and logged, and the booked refund names it as
     * not_refunded, so a person can look into it. A refund whose order is not booked (yet), or was booked before its
     * products were kept, or that names no order, is booked whole as asked; of one booked before its order, the part
     * beyond what the order sold is offset when the order is booked (see {@link #offsetRefundsBeyond}). Refunds and revenue of one order are
     * booked one at a time under the order's lock, so two refunds of the same goods cannot each read the other as not
     * yet booked. Every booking takes that lock before it writes its ledger row (see {@link OrderLock}). An erased
     * customer's refund is booked under their pseudonym, as the revenue it refunds was (see {@link ErasedCustomers}).
     *
     * @param products what the refund asks back per product (upper-cased SKU); empty when the event does not say
     */
    private boolean recordRefund(
            UUID eventId,
            Map<String, BigDecimal> products,
            BigDecimal exactTotal,
            String currency,
            UUID orderId,
            String orderNumber,
            UUID namedCustomerId,
            Map<String, Object> metadata,
            Instant occurredAt) {
        UUID customerId = erasedCustomers.bookedUnder(namedCustomerId);
        if (products.isEmpty()) {
            transactions.lockOrder(orderId, orderNumber);
            return recordFromEvent(
                    eventId,
                    TransactionType.REFUND,
                    exactTotal,
                    currency,
                    orderId,
                    orderNumber,
                    customerId,
                    metadata,
                    occurredAt);
        }
        Optional<TransactionRepository.OrderIdentity> order =
                transactions.orderSoldByProduct(orderId, orderNumber, currency);
        List<UUID> orderIds = new ArrayList<>(List.of(orderId));
        List<String> orderNumbers = new ArrayList<>();
        orderNumbers.add(orderNumber);
        order.ifPresent(sold -> {
            orderIds.add(sold.orderId());
            orderNumbers.add(sold.orderNumber());
        });
        transactions.lockOrder(orderIds, orderNumbers);
        BigDecimal amount = exactTotal;
        Map<String, BigDecimal> booked = products;
        if (order.isPresent()) {
            if (transactions.findBySourceEventId(eventId).isPresent()) {
                // a repeat of a refund already booked: it took its own part already, and the insert books nothing
                return false;
            }
            Map<String, BigDecimal> sold = transactions.soldByProduct(order.get(), currency);
            Map<String, BigDecimal> refunded = transactions.refundedByProduct(order.get(), currency);
            booked = new LinkedHashMap<>();
            Map<String, BigDecimal> notRefunded = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> asked : products.entrySet()) {
                BigDecimal left = sold.getOrDefault(asked.getKey(), BigDecimal.ZERO)
                        .subtract(refunded.getOrDefault(asked.getKey(), BigDecimal.ZERO))
                        .max(BigDecimal.ZERO);
                BigDecimal taken = asked.getValue().min(left).max(BigDecimal.ZERO);
                booked.put(asked.getKey(), taken);
                if (asked.getValue().compareTo(taken) > 0) {
                    notRefunded.put(asked.getKey(), asked.getValue().subtract(taken));
                }
            }
            if (!notRefunded.isEmpty()) {
                BigDecimal beyond = notRefunded.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                amount = exactTotal.subtract(beyond).max(BigDecimal.ZERO);
                metadata.put("not_refunded", notRefunded);
                cappedRefunds.increment();
                log.warn(
                        "refund event {} of order {} ({}) asks {} {} back of products already refunded or not sold"
                                + " ({}); booking {} {}",
                        eventId,
                        order.get().orderId(),
                        order.get().orderNumber(),
                        beyond,
                        currency,
                        notRefunded,
                        Amounts.toCents(amount),
                        currency);
            }
        }
        metadata.put("products", booked);
        return recordFromEvent(
                eventId,
                TransactionType.REFUND,
                amount,
                currency,
                orderId,
                orderNumber,
                customerId,
                metadata,
                occurredAt);
    }

    /**
     * Caps the refunds of an order already booked as {@link #recordOrderPlaced} caps them when the order is booked
     * after them, for refunds whose order was booked before offsets were (V14) and so took back more than it sold.
     * Keyed on the order's event as there, so an offset is written once whichever of the two writes it; an order whose
     * refunds are capped already gets nothing more. The caller's transaction is the order's.
     *
     * @return how many refunds were offset
     */
    int capRefundsBookedBefore(TransactionRepository.RevenueOfProducts revenue) {
        auditActor.stamp();
        transactions.lockOrder(revenue.orderId(), revenue.orderNumber());
        return offsetRefundsBeyond(
                revenue.order(),
                revenue.currency(),
                transactions.soldByProduct(revenue.order(), revenue.currency()),
                revenue.sourceEventId() == null ? revenue.id() : revenue.sourceEventId());
    }

    /**
     * Caps the refunds booked before their order at what it sold, as their booking would have had the order been
     * there: where they took back more of a product than the order sold, the part beyond is taken back from the
     * latest of them first (the earlier ones would have been booked whole, the later ones short). Each refund that
     * took too much gets an offset: a refund row of its own with a negative amount naming it (offsets_refund), what
     * it takes back per product negative under products, and the same positive under not_refunded, as on a refund
     * booked short. Nothing booked is changed; the offset is dated as the refund it offsets, so the refunds of that day
     * net to what was refunded. Counted and logged as capped, like a refund booked short.
     */
    private int offsetRefundsBeyond(
            TransactionRepository.OrderIdentity order,
            String currency,
            Map<String, BigDecimal> sold,
            UUID orderEventId) {
        Map<String, BigDecimal> beyond = new LinkedHashMap<>();
        transactions.refundedByProduct(order, currency).forEach((product, refunded) -> {
            BigDecimal excess = refunded.subtract(sold.getOrDefault(product, BigDecimal.ZERO));
            if (excess.signum() > 0) {
                beyond.put(product, excess);
            }
        });
        if (beyond.isEmpty()) {
            return 0;
        }
        int offsets = 0;
        for (TransactionRepository.RefundOfProducts refund : transactions.refundsOfProducts(order, currency)) {
            Map<String, BigDecimal> takenBack = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> product : refund.products().entrySet()) {
                BigDecimal left = beyond.getOrDefault(product.getKey(), BigDecimal.ZERO);
                BigDecimal taken = left.min(product.getValue()).max(BigDecimal.ZERO);
                if (taken.signum() > 0) {
                    takenBack.put(product.getKey(), taken);
                    beyond.put(product.getKey(), left.subtract(taken));
                }
            }
            if (!takenBack.isEmpty() && offset(order, currency, orderEventId, refund, takenBack)) {
                offsets++;
            }
        }
        return offsets;
    }

    private boolean offset(
            TransactionRepository.OrderIdentity order,
            String currency,
            UUID orderEventId,
            TransactionRepository.RefundOfProducts refund,
            Map<String, BigDecimal> takenBack) {
        BigDecimal total = takenBack.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        // never more than the refund booked: a receipt's lines may add up to more than the refund it paid
        BigDecimal amount = Amounts.toCents(total).min(refund.amount());
        if (!Amounts.inRange(amount)) {
            return false;
        }
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        takenBack.forEach((product, taken) -> products.put(product, taken.negate()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("offsets_refund", refund.id().toString());
        metadata.put("order_event_id", orderEventId.toString());
        metadata.put("products", products);
        metadata.put("not_refunded", takenBack);
        FinancialTransaction offset = new FinancialTransaction(
                UUID.randomUUID(),
                TransactionType.REFUND,
                amount.negate(),
                currency,
                refund.orderId(),
                refund.orderNumber(),
                refund.customerId(),
                null,
                null,
                null,
                metadata,
                // one offset of a refund per booking of its order, however often the order's event comes
                UUID.nameUUIDFromBytes(
                        ("refund-offset:" + refund.id() + ":" + orderEventId).getBytes(StandardCharsets.UTF_8)),
                refund.occurredAt(),
                clock.instant());
        if (!transactions.insert(offset)) {
            return false;
        }
        cappedRefunds.increment();
        log.warn(
                "refund {} of order {} ({}) booked before the order took back {} {} of products the order did not"
                        + " sell so much of ({}); offset by {}",
                refund.id(),
                order.orderId(),
                order.orderNumber(),
                amount,
                currency,
                takenBack,
                offset.id());
        return true;
    }

    /** The lines' totals per product, by SKU as products are compared: stripped and upper-cased. */
    private static Map<String, BigDecimal> byProduct(List<OrderLine> lines) {
        Map<String, BigDecimal> products = new LinkedHashMap<>();
        lines.forEach(line -> products.merge(product(line.sku()), line.lineTotal(), BigDecimal::add));
        return products;
    }

    private static String product(String sku) {
        return sku.strip().toUpperCase(Locale.ROOT);
    }

    private boolean recordFromEvent(
            UUID eventId,
            TransactionType type,
            BigDecimal exactTotal,
            String currency,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            Map<String, Object> metadata,
            Instant occurredAt) {
        BigDecimal amount = Amounts.toCents(exactTotal);
        if (amount.compareTo(Amounts.MAX) > 0) {
            // money over the ledger's limit needs a person: thrown, the claim rolls back with the transaction and
            // the platform's error handler parks the event on the dead-letter topic at once (a domain exception is
            // not retried), instead of the event being acknowledged and lost
            log.warn(
                    "{} event {} of order {} has amount {} over the ledger limit; dead-lettered",
                    type,
                    eventId,
                    orderNumber,
                    amount);
            throw RuleViolationException.of("amount", "must not exceed " + Amounts.MAX + " " + currency);
        }
        if (!Amounts.inRange(amount)) {
            // a zero-value order moves no money
            return false;
        }
        FinancialTransaction booked = new FinancialTransaction(
                UUID.randomUUID(),
                type,
                amount,
                currency,
                orderId,
                orderNumber,
                customerId,
                null,
                null,
                null,
                metadata,
                eventId,
                occurredAt,
                clock.instant());
        if (!transactions.insert(booked)) {
            return false;
        }
        events.publishEvent(new LedgerEntryBooked(booked));
        return true;
    }

    /**
     * Records an agent's expense or adjustment; a retry with the same source_event_id returns the first, and another
     * transaction under that id is refused with 422, as a reused Idempotency-Key is for budgets.
     */
    @Transactional
    Recorded record(CreateTransactionRequest request) {
        auditActor.stamp();
        List<FieldErrorDetail> errors = new ArrayList<>();
        if (request.type() == TransactionType.REVENUE || request.type() == TransactionType.REFUND) {
            errors.add(new FieldErrorDetail(
                    "type", "revenue and refunds are recorded from commerce events; report expense or adjustment"));
        }
        if (!Amounts.isIsoCurrency(request.currency())) {
            errors.add(new FieldErrorDetail("currency", "must be an ISO 4217 currency code"));
        }
        if (request.occurredAt() != null
                && request.occurredAt().isAfter(clock.instant().plus(1, ChronoUnit.DAYS))) {
            errors.add(new FieldErrorDetail("occurred_at", "must not be in the future"));
        } else if (request.occurredAt() != null && !YearRange.RECORDS.contains(request.occurredAt())) {
            errors.add(new FieldErrorDetail("occurred_at", YearRange.RECORDS.requirement()));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The transaction is not acceptable.", errors);
        }
        Instant now = clock.instant();
        FinancialTransaction transaction = new FinancialTransaction(
                UUID.randomUUID(),
                request.type(),
                request.amount().setScale(2),
                request.currency(),
                request.orderId(),
                request.orderNumber(),
                request.customerId(),
                request.attributedAgent(),
                request.department().trim(),
                request.description(),
                request.metadata() == null ? Map.of() : request.metadata(),
                request.sourceEventId(),
                // as finely as the ledger keeps it, so a retry's time compares equal to the stored one
                request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS),
                now);
        if (transactions.insert(transaction)) {
            return new Recorded(transaction, true);
        }
        FinancialTransaction first =
                transactions.findBySourceEventId(request.sourceEventId()).orElseThrow();
        if (!isRetryOf(first, transaction, request.occurredAt() != null)) {
            // answering the first would tell the caller its money was booked when nothing was
            throw RuleViolationException.of(
                    "source_event_id",
                    "was used for another transaction (" + first.id() + "); a retry must repeat its request");
        }
        return new Recorded(first, false);
    }

    private boolean isRetryOf(FinancialTransaction first, FinancialTransaction retry, boolean retryIsDated) {
        return first.type() == retry.type()
                && first.amount().compareTo(retry.amount()) == 0
                && first.currency().equals(retry.currency())
                && Objects.equals(first.orderId(), retry.orderId())
                && Objects.equals(first.orderNumber(), retry.orderNumber())
                && Objects.equals(first.customerId(), retry.customerId())
                && Objects.equals(first.attributedAgent(), retry.attributedAgent())
                && Objects.equals(first.department(), retry.department())
                && Objects.equals(first.description(), retry.description())
                // an undated request is dated when it is recorded, so its retry is dated later
                && (!retryIsDated || first.occurredAt().equals(retry.occurredAt()))
                && transactions.hasMetadata(first.id(), retry.metadata());
    }

    /** The customer's orders, newest first; a customer with no order has an empty page. */
    @Transactional(readOnly = true)
    PageResponse<CustomerOrderResponse> ordersOf(UUID customerId, int page, int limit) {
        var pagination = PageResponse.Pagination.of(0, page, limit);
        return PageResponse.of(
                transactions.customerOrders(customerId, pagination.offset(), limit),
                transactions.countCustomerOrders(customerId),
                page,
                limit);
    }

    @Transactional(readOnly = true)
    PageResponse<TransactionResponse> list(
            LocalDate dateFrom, LocalDate dateTo, TransactionType type, int page, int limit) {
        YearRange.RECORDS.requireContains("date_from", dateFrom, RuleViolationException::of);
        YearRange.RECORDS.requireContains("date_to", dateTo, RuleViolationException::of);
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            throw RuleViolationException.of("date_to", "must not be before date_from");
        }
        var query = new TransactionQuery(
                dateFrom == null ? null : dateFrom.atStartOfDay(ZoneOffset.UTC).toInstant(),
                dateTo == null
                        ? null
                        : dateTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                type,
                page,
                limit);
        return PageResponse.of(
                transactions.page(query).stream().map(TransactionResponse::of).toList(),
                transactions.count(query),
                page,
                limit);
    }

    Optional<FinancialTransaction> bySourceEvent(UUID sourceEventId) {
        return transactions.findBySourceEventId(sourceEventId);
    }

    record Recorded(FinancialTransaction transaction, boolean created) {}
}
