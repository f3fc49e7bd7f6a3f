package com.agentfactory.campaign.segment;

import java.util.List;

/** A parsed, type-checked segment rule: a condition on one whitelisted field, or an and/or group of rules. */
sealed interface SegmentRule {

    /**
     * {@code values} holds one value, two for {@code between} (low, high), or the list for {@code in}; {@code currency}
     * is the ISO 4217 code a money field's amounts are in, null for any other field.
     */
    record Condition(SegmentField field, SegmentOperator operator, List<Object> values, String currency)
            implements SegmentRule {

        public Condition {
            values = List.copyOf(values);
        }
    }

    record Group(boolean all, List<SegmentRule> rules) implements SegmentRule {

        public Group {
            rules = List.copyOf(rules);
        }
    }
}
