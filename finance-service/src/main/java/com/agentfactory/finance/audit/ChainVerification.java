package com.agentfactory.finance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of re-walking the hash chain; {@code firstBrokenEntry} is the seq where it first fails.
 *
 * @param nextSeq where to go on when the walk stopped at its limit before the chain's end; absent when it reached
 *     the end (and checked the head) or found a break
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenEntry, String problem, Long nextSeq) {}
