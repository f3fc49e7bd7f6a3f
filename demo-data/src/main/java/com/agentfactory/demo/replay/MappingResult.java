package com.agentfactory.demo.replay;

import java.util.List;
import java.util.Map;

/**
 * Events in emission order plus what was left out.
 *
 * @param invoicesWithoutLines invoices all of whose lines were skipped, so no order event was emitted for them
 */
public record MappingResult(
        List<StorefrontEvent> events, Map<SkipReason, Long> skippedLines, long invoicesWithoutLines) {

    public long skippedLineCount() {
        return skippedLines.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(Class<? extends StorefrontEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
