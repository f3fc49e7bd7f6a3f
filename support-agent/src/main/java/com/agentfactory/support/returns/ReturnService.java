package com.agentfactory.support.returns;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.order.OrderItem;
import com.agentfactory.support.order.OrderSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorises returns: checks the order may be returned by this caller, works out the lines and the refund, and
 * stores the authorisation together with its {@link ReturnAuthorised} event in one transaction (the outbox
 * publishes it once committed).
 */
@Service
public class ReturnService {

    private static final String RETURNABLE = "PLACED";

    private final OrderBook orders;
    private final ReturnRepository returns;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReturnService(
            OrderBook orders,
            ReturnRepository returns,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            AgentRuntimeProperties agent,
            TransactionTemplate transactions,
            Clock clock) {
        this.orders = orders;
        this.returns = returns;
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param customerId the customer asking, null when the desk or a task asks without naming one
     * @param staff the support desk or a platform task: may return any customer's order
     * @param items what comes back; empty for everything on the order not yet returned
     * @return the authorisation, or why there is none: the order is unknown to this caller, cancelled, refunded,
     *     fully returned or its lines are not known
     * @throws RuleViolationException when an item is not on the order or more is asked back than is left
     */
    public ReturnOutcome authorise(
            String orderNumber, UUID customerId, boolean staff, List<ReturnItem> items, String reason) {
        return authorise(orderNumber, customerId, staff, items, reason, null);
    }

    /**
     * As {@link #authorise(String, UUID, boolean, List, String)} for a task: a task that authorised a return before
     * (run again after its report was lost) gets that return, not a second one.
     *
     * @param taskId the task asking, null when none does
     */
    public ReturnOutcome authorise(
            String orderNumber, UUID customerId, boolean staff, List<ReturnItem> items, String reason, UUID taskId) {
        return Objects.requireNonNull(transactions.execute(status -> {
            // the status is read under the order's lock, so a cancellation cannot land between the check and the
            // return
            var order = orders.lockByNumber(orderNumber);
            if (taskId != null) {
                // under the order's lock too, which a run of the same task still under way holds until it has stored
                // its return: looked up before, both runs would find none
                var earlier = returns.findByTask(taskId);
                if (earlier.isPresent()) {
                    return new ReturnOutcome.Authorised(earlier.get());
                }
            }
            return create(order, orderNumber, customerId, staff, items, reason, taskId);
        }));
    }

    /** As {@link #receive(UUID, ReturnReceipt, String)} with every authorised unit arrived. */
    public ReturnAuthorisation receive(UUID returnId, String by) {
        return receive(returnId, ReturnReceipt.EVERYTHING, by);
    }

    /**
     * The goods of the return arrived: marks it received and, in the same transaction, writes the
     * {@link ReturnReceived} event from which finance books the refund. A return is received once. Each line refunds
     * what arrived of it, though no more than is still refundable: what cancellations of the order since the
     * authorisation left of the line, less what other receipts refunded of it.
     *
     * @param receipt how many units of which products arrived; a product it leaves out arrived in full
     * @param by who booked the arrival (a desk agent's or the warehouse's name)
     * @throws ReturnNotFoundException when there is no such return
     * @throws ReturnAlreadyReceivedException when it was received before
     * @throws InvalidInputException when the receipt names a product not on the return, or one twice
     * @throws RuleViolationException when it names more units than were authorised, or none arrived
     * @throws ReturnNoLongerRefundableException when cancellations of its order took back all that arrived
     */
    public ReturnAuthorisation receive(UUID returnId, ReturnReceipt receipt, String by) {
        return Objects.requireNonNull(transactions.execute(status -> {
            UUID orderId = returns.find(returnId)
                    .map(ReturnAuthorisation::orderId)
                    .orElseThrow(() -> new ReturnNotFoundException("No return " + returnId + "."));
            // the order's lock before the return's, in the order authorising and cancelling take them: a
            // cancellation the back office refunded either lands before this check or waits for the receipt
            OrderSummary order = orders.lock(orderId).orElseThrow();
            ReturnAuthorisation found = returns.findForUpdate(returnId)
                    .orElseThrow(() -> new ReturnNotFoundException("No return " + returnId + "."));
            if (!ReturnAuthorisation.AUTHORISED.equals(found.status())) {
                throw new ReturnAlreadyReceivedException(found);
            }
            Map<Integer, Integer> arrived = arrivals(found, receipt);
            ReturnAuthorisation received = found.received(clock.instant(), by, refundable(found, order, arrived));
            returns.markReceived(received);
            ReturnReceived event = new ReturnReceived(
                    UUID.randomUUID(),
                    received.receivedAt(),
                    received.returnId(),
                    received.orderId(),
                    received.orderNumber(),
                    received.customerId(),
                    received.refundedAmount(),
                    received.currency(),
                    by,
                    received.lines().stream()
                            .filter(line -> line.refundedQuantity() > 0)
                            .map(line -> new ReturnReceived.Line(line.sku(), line.refundedQuantity(), line.refunded()))
                            .toList());
            announce(ReturnReceived.ACTION, event.partitionKey(), event.eventId(), event);
            return received;
        }));
    }

    /** Files the authorisation under the ticket the request was recorded on. */
    public void linkTicket(UUID returnId, UUID ticketId) {
        returns.linkTicket(returnId, ticketId);
    }

    /** The return for the desk, or for the customer it belongs to; anyone else is told it does not exist. */
    public ReturnAuthorisation read(UUID returnId, UUID customerId, boolean staff) {
        return returns.find(returnId)
                .filter(found -> staff || (customerId != null && customerId.equals(found.customerId())))
                .orElseThrow(() -> new ReturnNotFoundException("No return " + returnId + "."));
    }

    /** @param locked the order numbered {@code orderNumber}, its row locked by the caller */
    private ReturnOutcome create(
            Optional<OrderSummary> locked,
            String orderNumber,
            UUID customerId,
            boolean staff,
            List<ReturnItem> items,
            String reason,
            UUID taskId) {
        var found = locked.filter(order -> mayReturn(order, customerId, staff));
        if (found.isEmpty()) {
            return new ReturnOutcome.Refused("No order numbered " + orderNumber + ".");
        }
        OrderSummary order = found.get();
        if (!RETURNABLE.equals(order.status())) {
            return new ReturnOutcome.Refused("Order " + order.orderNumber() + " is "
                    + order.status().toLowerCase(Locale.ROOT) + "; there is nothing to return.");
        }
        List<OrderItem> lines = orders.lines(order.orderId());
        if (lines.isEmpty()) {
            return new ReturnOutcome.Refused(
                    "The lines of order " + order.orderNumber() + " are not known here; the desk will handle it.");
        }
        Map<Integer, Integer> remaining = new LinkedHashMap<>();
        Map<Integer, Integer> returned = returns.returnedQuantities(order.orderId());
        lines.forEach(line -> remaining.put(
                line.lineNo(), Math.max(0, line.uncancelled() - returned.getOrDefault(line.lineNo(), 0))));
        Map<Integer, Integer> taken = items.isEmpty() ? remaining : allocate(lines, remaining, items);
        List<ReturnAuthorisation.ReturnLine> returnLines = new ArrayList<>();
        BigDecimal refund = BigDecimal.ZERO;
        for (OrderItem line : lines) {
            int quantity = taken.getOrDefault(line.lineNo(), 0);
            if (quantity <= 0) {
                continue;
            }
            BigDecimal lineRefund = line.unitPrice().multiply(BigDecimal.valueOf(quantity));
            returnLines.add(new ReturnAuthorisation.ReturnLine(
                    line.lineNo(), line.productId(), line.sku(), quantity, line.unitPrice(), lineRefund));
            refund = refund.add(lineRefund);
        }
        if (returnLines.isEmpty()) {
            return new ReturnOutcome.Refused(
                    "Everything on order " + order.orderNumber() + " has already been returned or cancelled.");
        }
        var authorisation = new ReturnAuthorisation(
                UUID.randomUUID(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                null,
                ReturnAuthorisation.AUTHORISED,
                refund,
                order.currency(),
                reason,
                clock.instant(),
                null,
                null,
                null,
                returnLines);
        returns.insert(authorisation, taskId);
        ReturnAuthorised event = ReturnAuthorised.of(authorisation);
        announce(ReturnAuthorised.ACTION, event.partitionKey(), UUID.randomUUID(), event);
        return new ReturnOutcome.Authorised(authorisation);
    }

    /**
     * How many units arrived per line of the return: a product the receipt names is spread over the return's lines of
     * it in line order, each taking up to what it authorised; a product it leaves out arrived in full.
     */
    private static Map<Integer, Integer> arrivals(ReturnAuthorisation authorisation, ReturnReceipt receipt) {
        Map<Integer, Integer> arrived = new LinkedHashMap<>();
        authorisation.lines().forEach(line -> arrived.put(line.lineNo(), line.quantity()));
        List<FieldErrorDetail> unknown = new ArrayList<>();
        List<FieldErrorDetail> tooMany = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < receipt.items().size(); i++) {
            ReturnReceipt.Item item = receipt.items().get(i);
            String sku = item.sku().strip().toUpperCase(Locale.ROOT);
            List<ReturnAuthorisation.ReturnLine> lines = authorisation.lines().stream()
                    .filter(line -> line.sku().strip().toUpperCase(Locale.ROOT).equals(sku))
                    .toList();
            if (lines.isEmpty()) {
                unknown.add(new FieldErrorDetail("items[" + i + "].sku", "is not on the return"));
                continue;
            }
            if (!named.add(sku)) {
                unknown.add(new FieldErrorDetail("items[" + i + "].sku", "is named twice"));
                continue;
            }
            int authorised = lines.stream()
                    .mapToInt(ReturnAuthorisation.ReturnLine::quantity)
                    .sum();
            if (item.quantity() > authorised) {
                tooMany.add(new FieldErrorDetail(
                        "items[" + i + "].quantity", "at most " + authorised + " were authorised"));
                continue;
            }
            int left = item.quantity();
            for (ReturnAuthorisation.ReturnLine line : lines) {
                int take = Math.min(left, line.quantity());
                arrived.put(line.lineNo(), take);
                left -= take;
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The receipt names products that are not on the return.", unknown);
        }
        if (!tooMany.isEmpty()) {
            throw new RuleViolationException("The receipt names more than the return authorised.", tooMany);
        }
        if (arrived.values().stream().allMatch(quantity -> quantity == 0)) {
            throw RuleViolationException.of("items", "nothing arrived; book the receipt once something does");
        }
        return arrived;
    }

    /**
     * The return's lines with what arrived and what of it is refunded: no more than the cancellations of the order
     * since the authorisation left of the line, less what other receipts refunded of it, as finance refunded each
     * cancelled unit with its cancellation. Only receipts count against a line here, as an authorisation not yet
     * received has moved no money.
     *
     * @throws ReturnNoLongerRefundableException when the order was cancelled or refunded whole since, or nothing that
     *     arrived is refundable
     */
    private List<ReturnAuthorisation.ReturnLine> refundable(
            ReturnAuthorisation authorisation, OrderSummary order, Map<Integer, Integer> arrived) {
        if (!RETURNABLE.equals(order.status())) {
            throw new ReturnNoLongerRefundableException(
                    authorisation,
                    "order " + order.orderNumber() + " was " + order.status().toLowerCase(Locale.ROOT)
                            + " after the return was authorised");
        }
        Map<Integer, OrderItem> ordered = new LinkedHashMap<>();
        orders.lines(order.orderId()).forEach(line -> ordered.put(line.lineNo(), line));
        Map<Integer, Integer> received = returns.receivedQuantities(order.orderId());
        List<ReturnAuthorisation.ReturnLine> lines = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (ReturnAuthorisation.ReturnLine line : authorisation.lines()) {
            OrderItem item = ordered.get(line.lineNo());
            int left = item == null ? 0 : Math.max(0, item.uncancelled() - received.getOrDefault(line.lineNo(), 0));
            int came = arrived.get(line.lineNo());
            if (came > left) {
                cancelled.add(line.sku());
            }
            lines.add(line.arrived(came, Math.min(came, left)));
        }
        if (lines.stream().allMatch(line -> line.refundedQuantity() == 0)) {
            throw new ReturnNoLongerRefundableException(
                    authorisation,
                    String.join(", ", cancelled) + " of order " + order.orderNumber()
                            + " were cancelled after the return was authorised");
        }
        return lines;
    }

    /** Writes a return event for finance on support.returns through the outbox, in the caller's transaction. */
    private void announce(String action, String orderKey, UUID messageId, Object event) {
        outbox.append(
                Topics.SUPPORT_RETURNS,
                orderKey,
                MessageEnvelope.builder()
                        .messageId(messageId)
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(null, "finance")
                        .action(action)
                        .data(codec.toTree(event))
                        .build());
    }

    // a customer returns only their own order (a guest order has no customer to match); the desk and tasks any,
    // though never one of another customer than the one they name
    private static boolean mayReturn(OrderSummary order, UUID customerId, boolean staff) {
        if (customerId != null && order.customerId() != null && !customerId.equals(order.customerId())) {
            return false;
        }
        if (customerId != null && order.customerErased()) {
            // its customer asked to be forgotten: no one named now is that customer
            return false;
        }
        return staff || (customerId != null && customerId.equals(order.customerId()));
    }

    /** Takes each requested quantity from the order's lines of that product, in line order. */
    private static Map<Integer, Integer> allocate(
            List<OrderItem> lines, Map<Integer, Integer> remaining, List<ReturnItem> items) {
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        List<FieldErrorDetail> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReturnItem item = items.get(i);
            List<OrderItem> matching = lines.stream()
                    .filter(line -> line.sku().equalsIgnoreCase(item.sku().strip()))
                    .toList();
            if (matching.isEmpty()) {
                errors.add(new FieldErrorDetail("items[" + i + "].sku", "is not on the order"));
                continue;
            }
            int left = item.quantity();
            int available = 0;
            for (OrderItem line : matching) {
                int free = remaining.get(line.lineNo()) - taken.getOrDefault(line.lineNo(), 0);
                available += free;
                int take = Math.min(free, left);
                if (take > 0) {
                    taken.merge(line.lineNo(), take, Integer::sum);
                    left -= take;
                }
            }
            if (left > 0) {
                errors.add(new FieldErrorDetail(
                        "items[" + i + "].quantity", "at most " + available + " can still be returned"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The return asks for more than the order can give back.", errors);
        }
        return taken;
    }
}
