package com.agentfactory.campaign.segment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * A segment rule to size before saving or using it (REST and the preview-segment task).
 *
 * @param rules a condition {@code {field, op, value}} or a group {@code {and: [...]}} / {@code {or: [...]}}; a
 *     condition on money names the currency its amounts are in: {@code {field: total_spent, op: gt, value: 500,
 *     currency: GBP}}
 * @param sampleSize how many matching customer ids to return (default 10)
 */
record SegmentPreviewRequest(
        @NotNull Map<String, Object> rules,
        @Min(0) @Max(100) Integer sampleSize) {

    int effectiveSampleSize() {
        return sampleSize == null ? 10 : sampleSize;
    }
}
