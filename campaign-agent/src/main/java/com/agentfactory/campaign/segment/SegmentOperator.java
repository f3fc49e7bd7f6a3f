package com.agentfactory.campaign.segment;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparisons a segment condition may make. */
enum SegmentOperator {
    EQ,
    NE,
    GT,
    LT,
    BETWEEN,
    CONTAINS,
    IN;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SegmentOperator> fromWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName().equals(name)).findFirst();
    }

    static String names(Collection<SegmentOperator> operators) {
        return operators.stream().sorted().map(SegmentOperator::wireName).collect(Collectors.joining(", "));
    }
}
