package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What enrols a customer: a commerce event ({@code type: event}, {@code event: cart.abandoned}), entry into a
 * saved segment ({@code segment_entry}) or a date ({@code date}: every member of the segment at that time).
 * The conditions must all hold for the customer to enter; {@code re_entry} says whether someone who has been through
 * the journey may enter again ({@link ReEntry}), by default as {@link ReEntry#defaultFor} explains.
 */
record JourneyTrigger(
        @JsonProperty("type") String type,
        @JsonProperty("event") String event,
        @JsonProperty("segment_id") UUID segmentId,
        @JsonProperty("at") Instant at,
        @JsonProperty("conditions") List<FieldCheck> conditions,
        @JsonProperty("re_entry") String reEntry) {

    static final String EVENT = "event";
    static final String SEGMENT_ENTRY = "segment_entry";
    static final String DATE = "date";

    List<FieldCheck> conditionsOrEmpty() {
        return conditions == null ? List.of() : conditions;
    }

    /** The trigger's re-entry policy, or its default; a stored definition's re_entry passed validation. */
    ReEntry reEntryPolicy() {
        return reEntry == null
                ? ReEntry.defaultFor(this)
                : ReEntry.parse(reEntry).orElseThrow();
    }
}
