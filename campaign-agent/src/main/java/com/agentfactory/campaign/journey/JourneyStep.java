package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One step of a journey. The type says which of the fields apply; a step without {@code next} goes on to the
 * step written after it. Kept as one flat record, as authors write it, so every error can name the step and
 * field it is about.
 */
record JourneyStep(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("next") String next,
        // wait
        @JsonProperty("duration") String duration,
        @JsonProperty("until") Instant until,
        @JsonProperty("event") String event,
        @JsonProperty("timeout") String timeout,
        @JsonProperty("on_event") String onEvent,
        // condition, score, segment
        @JsonProperty("check") String check,
        @JsonProperty("field") String field,
        @JsonProperty("operator") String operator,
        @JsonProperty("value") Object value,
        // the currency of the value, for a condition on money
        @JsonProperty("currency") String currency,
        @JsonProperty("min_score") Integer minScore,
        @JsonProperty("segment_id") UUID segmentId,
        @JsonProperty("if_true") String ifTrue,
        @JsonProperty("if_false") String ifFalse,
        // split
        @JsonProperty("branches") List<SplitBranch> branches,
        // a split balanced within each of these segments (a customer's stratum is the first they belong to)
        @JsonProperty("strata") List<UUID> strata,
        // email, sms, push, webhook
        @JsonProperty("template") String template,
        @JsonProperty("url") String url,
        @JsonProperty("message") String message,
        @JsonProperty("personalization") Map<String, Object> personalization,
        // end
        @JsonProperty("reason") String reason) {

    static final String WAIT = "wait";
    static final String CONDITION = "condition";
    static final String SCORE = "score";
    static final String SEGMENT = "segment";
    static final String SPLIT = "split";
    static final String EMAIL = "email";
    static final String SMS = "sms";
    static final String PUSH = "push";
    static final String WEBHOOK = "webhook";
    static final String END = "end";

    static final List<String> TYPES = List.of(WAIT, CONDITION, SCORE, SEGMENT, SPLIT, EMAIL, SMS, PUSH, WEBHOOK, END);

    boolean isAction() {
        return EMAIL.equals(type) || SMS.equals(type) || PUSH.equals(type) || WEBHOOK.equals(type);
    }

    boolean isBranching() {
        return CONDITION.equals(type) || SCORE.equals(type) || SEGMENT.equals(type);
    }

    /** The comparison a condition step without a named check makes. */
    FieldCheck comparison() {
        return new FieldCheck(field, operator, value, currency);
    }

    Map<String, Object> personalizationOrEmpty() {
        return personalization == null ? Map.of() : personalization;
    }
}
