package com.agentfactory.campaign.segment;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The segment size preview as an agent task: the same request and answer as the REST endpoint. */
@Component
class PreviewSegmentTaskHandler implements TaskHandler<SegmentPreviewRequest, SegmentPreviewResponse> {

    private final SegmentService segments;

    PreviewSegmentTaskHandler(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public String taskType() {
        return "preview-segment";
    }

    @Override
    public String description() {
        return "Counts the customers a segment rule matches now and returns a sample of their ids.";
    }

    @Override
    public SegmentPreviewRequest example() {
        return new SegmentPreviewRequest(
                Map.of(
                        "and",
                        List.of(
                                Map.of("field", "order_count", "op", "gt", "value", 2),
                                Map.of("field", "total_spent", "op", "gt", "value", 500, "currency", "GBP"),
                                Map.of("field", "country", "op", "in", "value", List.of("United Kingdom", "France")))),
                5);
    }

    @Override
    public SegmentPreviewResponse handle(SegmentPreviewRequest input, TaskContext context) {
        return segments.preview(input);
    }
}
