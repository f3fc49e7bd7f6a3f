package com.agentfactory.campaign.segment;

import java.util.EnumSet;
import java.util.Set;

/** The type of a segment field, which decides the operators it takes and how its values are read. */
enum FieldType {
    TEXT(EnumSet.of(SegmentOperator.EQ, SegmentOperator.NE, SegmentOperator.CONTAINS, SegmentOperator.IN)),
    INTEGER(EnumSet.of(
            SegmentOperator.EQ,
            SegmentOperator.NE,
            SegmentOperator.GT,
            SegmentOperator.LT,
            SegmentOperator.BETWEEN,
            SegmentOperator.IN)),
    DECIMAL(EnumSet.of(
            SegmentOperator.EQ, SegmentOperator.NE, SegmentOperator.GT, SegmentOperator.LT, SegmentOperator.BETWEEN)),
    // an amount in the currency the condition names: amounts in different currencies are never compared
    MONEY(EnumSet.of(
            SegmentOperator.EQ, SegmentOperator.NE, SegmentOperator.GT, SegmentOperator.LT, SegmentOperator.BETWEEN)),
    // an instant is never equal to a date someone types, so only ranges make sense
    TIMESTAMP(EnumSet.of(SegmentOperator.GT, SegmentOperator.LT, SegmentOperator.BETWEEN)),
    // one of a fixed set of names: a part of a name or an order between names means nothing
    CHOICE(EnumSet.of(SegmentOperator.EQ, SegmentOperator.NE, SegmentOperator.IN));

    private final Set<SegmentOperator> operators;

    FieldType(Set<SegmentOperator> operators) {
        this.operators = operators;
    }

    Set<SegmentOperator> operators() {
        return operators;
    }

    String description() {
        return switch (this) {
            case TEXT -> "a string";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case MONEY -> "a number, the amount in the condition's currency";
            case TIMESTAMP ->
                "an ISO-8601 date or instant (2026-01-31 or 2026-01-31T12:00:00Z) between "
                        + SegmentRuleParser.DATES.firstDay() + " and " + SegmentRuleParser.DATES.lastDay() + " (UTC)";
            case CHOICE -> "one of the field's names";
        };
    }
}
