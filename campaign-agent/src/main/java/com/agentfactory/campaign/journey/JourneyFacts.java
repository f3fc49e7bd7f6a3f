package com.agentfactory.campaign.journey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What conditions may look at: the customer read model's fields and the values the trigger put into the
 * enrolment (the cart). Comparisons are made here, on values already read, so no journey text reaches SQL. A condition
 * on money compares only money in the currency it names: what the customer paid in that currency, or the cart when the
 * cart is in it. A customer with no money in that currency is not compared at all, so none of gt, lt, eq or ne holds
 * for them; exists holds when there is money in the currency, missing when there is none.
 */
final class JourneyFacts {

    /** Fields a condition may name; anything else is refused when the journey is saved. */
    static final Set<String> FIELDS = Set.of(
            "email",
            "country",
            "order_count",
            "total_spent",
            "last_order_at",
            "purchased_last_24h",
            "cart_value",
            "currency",
            "score");

    /** Fields that are amounts of money: a condition on one names the currency of its value. */
    static final Set<String> MONEY_FIELDS = Set.of("total_spent", "cart_value");

    /** Fields read as instants: a comparison with one of them parses its value as an ISO-8601 instant. */
    static final Set<String> INSTANT_FIELDS = Set.of("last_order_at");

    static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "exists", "missing");

    /** Named checks a condition step may use instead of a comparison. */
    static final Set<String> CHECKS = Set.of("cart_still_abandoned", "has_email");

    private JourneyFacts() {}

    static boolean isMoney(String field) {
        // Set.of refuses to look for null, and a condition being validated may have no field
        return field != null && MONEY_FIELDS.contains(field);
    }

    static boolean isInstant(String field) {
        return field != null && INSTANT_FIELDS.contains(field);
    }

    static boolean holds(FieldCheck check, CustomerFacts facts) {
        if (!isMoney(check.field())) {
            return compare(facts.value(check.field()), check.operator(), check.value());
        }
        Object amount = amountIn(check.field(), check.currency(), facts);
        return switch (check.operator()) {
            case "exists" -> amount != null;
            case "missing" -> amount == null;
            // an amount in another currency is no amount in this one: it is never set against the value
            default -> amount != null && compare(amount, check.operator(), check.value());
        };
    }

    static boolean holdsAll(List<FieldCheck> checks, CustomerFacts facts) {
        return checks.stream().allMatch(check -> holds(check, facts));
    }

    /** The customer's amount of a money field in the currency; null when they have none in it. */
    private static Object amountIn(String field, String currency, CustomerFacts facts) {
        if (currency == null) {
            // saved before conditions named currencies and never migrated: there is nothing it may be compared with
            return null;
        }
        return switch (field) {
            case "total_spent" -> facts.spentIn(currency).orElse(null);
            // the cart is in the currency its event named
            case "cart_value" ->
                facts.value("currency") instanceof String cartCurrency
                                && currency.equals(cartCurrency.strip().toUpperCase(Locale.ROOT))
                        ? facts.value("cart_value")
                        : null;
            default -> null;
        };
    }

    static boolean compare(Object actual, String operator, Object expected) {
        switch (operator) {
            case "exists":
                return actual != null && !"".equals(actual);
            case "missing":
                return actual == null || "".equals(actual);
            default:
                break;
        }
        if (actual == null) {
            return "ne".equals(operator) && expected != null;
        }
        if (actual instanceof Boolean || expected instanceof Boolean) {
            boolean equal = String.valueOf(actual).equalsIgnoreCase(String.valueOf(expected));
            return "eq".equals(operator) ? equal : "ne".equals(operator) && !equal;
        }
        int order = compareValues(actual, expected);
        return switch (operator) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "gte" -> order >= 0;
            case "lt" -> order < 0;
            case "lte" -> order <= 0;
            default -> false;
        };
    }

    private static int compareValues(Object actual, Object expected) {
        BigDecimal left = number(actual);
        BigDecimal right = number(expected);
        if (left != null && right != null) {
            return left.compareTo(right);
        }
        if (actual instanceof Instant instant && expected != null) {
            return instant.compareTo(Instant.parse(String.valueOf(expected)));
        }
        return String.valueOf(actual).compareToIgnoreCase(Objects.toString(expected, ""));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
