package com.agentfactory.messaging.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One service's answer to a {@link PrivacyRequested}: what it exported or how many records it erased, or why it
 * could not. Published on {@code privacy.reports} through the service's outbox, in the transaction that did the work.
 *
 * @param participant the reporting service, as the coordinator expects it (its application name)
 * @param records how many records were exported or erased
 * @param data the exported records by kind, for an export; null for an erasure or a failure
 * @param failure why the service could not do the work, otherwise null
 */
public record PrivacyReported(
        @JsonProperty("request_id") UUID requestId,
        @JsonProperty("participant") String participant,
        @JsonProperty("action") PrivacyAction action,
        @JsonProperty("records") long records,
        @JsonProperty("data") JsonNode data,
        @JsonProperty("failure") String failure,
        @JsonProperty("reported_at") Instant reportedAt) {

    /** The envelope action these reports travel under. */
    public static final String ACTION = "privacy_reported";

    public PrivacyReported {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reportedAt, "reported_at");
    }

    public boolean failed() {
        return failure != null;
    }
}
