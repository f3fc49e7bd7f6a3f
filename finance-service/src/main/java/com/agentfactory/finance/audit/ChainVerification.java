package com.agentfactory.finance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The outcome of re-walking the hash chain; {@code firstBrokenEntry} is the seq where it first fails.
 *
 * @param valid no break in the entries this call walked; on its own it does not say the chain is intact, as a walk
 *     stopped at its limit is valid too
 * @param complete the walk reached the chain's end and checked the head: with {@code valid}, the chain from
 *     {@code from_seq} on is intact; false when it stopped at its limit ({@code nextSeq} then says where to go on) or
 *     at a broken entry before the end
 * @param nextSeq where to go on when the walk stopped at its limit before the chain's end; absent when it reached
 *     the end (and checked the head) or found a break
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChainVerification(
        @Schema(description = "No break in the entries this call walked; true too when it stopped at its limit")
        boolean valid,

        @Schema(
                description = "The walk reached the chain's end and checked the head; only valid and complete"
                        + " together say the chain from from_seq on is intact")
        boolean complete,

        long entriesChecked,
        Long firstBrokenEntry,
        String problem,

        @Schema(description = "Where to go on when the walk stopped at its limit before the chain's end")
        Long nextSeq) {

    static ChainVerification brokenAt(long entriesChecked, long firstBrokenEntry, String problem) {
        return new ChainVerification(false, false, entriesChecked, firstBrokenEntry, problem, null);
    }

    static ChainVerification partial(long entriesChecked, long nextSeq) {
        return new ChainVerification(true, false, entriesChecked, null, null, nextSeq);
    }
}
