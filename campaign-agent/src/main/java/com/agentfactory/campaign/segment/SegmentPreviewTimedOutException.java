package com.agentfactory.campaign.segment;

/**
 * A preview ran past its statement timeout, the rule matching more than can be counted in time. Neither a refusal
 * of the request nor a fault of ours for good, so it is no domain exception: the API answers 503 and a task is
 * tried again.
 */
public class SegmentPreviewTimedOutException extends RuntimeException {

    SegmentPreviewTimedOutException(Throwable cause) {
        super(
                "The segment preview took longer than " + SegmentQueries.PREVIEW_TIMEOUT.toSeconds()
                        + " seconds; try a narrower rule, or again later.",
                cause);
    }
}
