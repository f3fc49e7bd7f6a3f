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
                parameters.addAll(condition.values());
                String column = condition.field().column();
                yield switch (condition.operator()) {
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
                                        ", ",
                                        Collections.nCopies(condition.values().size(), "?")) + ")";
                };
            }
        };
    }
}
