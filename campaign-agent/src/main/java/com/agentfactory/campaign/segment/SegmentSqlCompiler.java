package com.agentfactory.campaign.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a parsed rule into a SQL condition. The text is built only from the whitelisted columns, fixed
 * operator fragments and placeholders; values go to the parameter list, so no rule can change the query.
 */
final class SegmentSqlCompiler {

    // opens a condition on a money field, whose column is an aggregate over the orders in one currency
    private static final String MONEY_IN_CURRENCY =
            "customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = ? GROUP BY customer_id HAVING ";

    private SegmentSqlCompiler() {}

    static CompiledSegment compile(SegmentRule rule) {
        List<Object> parameters = new ArrayList<>();
        String condition = condition(rule, parameters);
        return new CompiledSegment(condition, parameters);
    }

    private static String condition(SegmentRule rule, List<Object> parameters) {
        return switch (rule) {
            case SegmentRule.Group group ->
                group.rules().stream()
                        .map(member -> condition(member, parameters))
                        .collect(Collectors.joining(group.all() ? " AND " : " OR ", "(", ")"));
            case SegmentRule.Condition condition -> {
                if (condition.field().type() == FieldType.MONEY) {
                    parameters.add(condition.currency());
                    parameters.addAll(condition.values());
                    // only customers with orders in the currency are compared: none is below a threshold in a
                    // currency they never paid in, nor is a sum in another currency ever set against it
                    yield MONEY_IN_CURRENCY + comparison(condition) + ")";
                }
                parameters.addAll(condition.values());
                yield comparison(condition);
            }
        };
    }

    private static String comparison(SegmentRule.Condition condition) {
        String column = condition.field().column();
        return switch (condition.operator()) {
            case EQ -> column + " = ?";
            case NE -> column + " IS DISTINCT FROM ?";
            case GT -> column + " > ?";
            case LT -> column + " < ?";
            case BETWEEN -> column + " BETWEEN ? AND ?";
            // strpos, not LIKE: % and _ in the value are plain characters, not wildcards
            case CONTAINS -> "strpos(lower(" + column + "), lower(?)) > 0";
            case IN ->
                column + " IN ("
                        + String.join(
                                ", ", Collections.nCopies(condition.values().size(), "?")) + ")";
        };
    }
}
