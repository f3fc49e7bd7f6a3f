package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CheckoutStarted;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.error.FieldErrorDetail;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Amounts and quantities the services downstream can store, checked at intake so that an absurd order is refused
 * with 422 here rather than accepted and then dropped by finance. Finance records an order's total, rounded to
 * cents, in financial_transactions.amount: NUMERIC(14,2) with CHECK (amount BETWEEN 0.01 AND 1000000.00) (a zero
 * total moves no money and is skipped there, which is fine). A line or a price over that total could never be part
 * of a recordable order, so they are held to the same bound.
 */
final class StorableAmounts {

    /** financial_transactions.amount's upper bound. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    /** Units of one product in one line; an order of more cannot be paid within the ledger's bound at a cent each. */
    static final int MAX_QUANTITY = 100_000_000;

    private static final String AMOUNT_MESSAGE = "must be at most " + MAX_AMOUNT.toPlainString();

    private StorableAmounts() {}

    /** Field errors, by JSON path, for every amount or quantity the ledger could not store; empty when all fit. */
    static List<FieldErrorDetail> check(CommerceEvent event, String prefix) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        switch (event) {
            case OrderPlaced order -> {
                lines(order.lines(), prefix, errors);
                total(order.total(), prefix, "order", errors);
            }
            case OrderCancelled cancellation -> {
                lines(cancellation.lines(), prefix, errors);
                total(cancellation.total(), prefix, "cancellation", errors);
            }
            case CartAbandoned cart -> lines(cart.lines(), prefix, errors);
            case AddedToCart added -> {
                quantity(added.quantity(), prefix + "quantity", errors);
                money(added.unitPrice(), prefix + "unit_price.amount", errors);
            }
            case CheckoutStarted checkout -> money(checkout.cartTotal(), prefix + "cart_total.amount", errors);
            case ProductUpserted product -> {
                money(product.price(), prefix + "price.amount", errors);
                money(product.unitCost(), prefix + "unit_cost.amount", errors);
            }
            default -> {
                // the other events carry no amounts
            }
        }
        return errors;
    }

    private static void lines(List<OrderLine> lines, String prefix, List<FieldErrorDetail> errors) {
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String path = prefix + "lines[" + i + "].";
            quantity(line.quantity(), path + "quantity", errors);
            amount(line.unitPrice(), path + "unit_price", errors);
            if (line.quantity() <= MAX_QUANTITY && fits(line.unitPrice()) && !fits(line.lineTotal())) {
                errors.add(new FieldErrorDetail(
                        path + "quantity", "times unit_price makes a line total over " + MAX_AMOUNT.toPlainString()));
            }
        }
    }

    private static void total(BigDecimal total, String prefix, String what, List<FieldErrorDetail> errors) {
        if (!fits(total)) {
            errors.add(new FieldErrorDetail(
                    prefix + "lines",
                    "the " + what + " total " + cents(total).toPlainString() + " is over " + MAX_AMOUNT.toPlainString()
                            + ", the most one ledger entry can hold"));
        }
    }

    private static void quantity(int quantity, String field, List<FieldErrorDetail> errors) {
        if (quantity > MAX_QUANTITY) {
            errors.add(new FieldErrorDetail(field, "must be at most " + MAX_QUANTITY));
        }
    }

    private static void money(Money money, String field, List<FieldErrorDetail> errors) {
        if (money != null) {
            amount(money.amount(), field, errors);
        }
    }

    private static void amount(BigDecimal amount, String field, List<FieldErrorDetail> errors) {
        if (amount != null && !fits(amount)) {
            errors.add(new FieldErrorDetail(field, AMOUNT_MESSAGE));
        }
    }

    // compared as finance will store it: rounded to cents the way finance rounds
    private static boolean fits(BigDecimal amount) {
        return cents(amount).compareTo(MAX_AMOUNT) <= 0;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
