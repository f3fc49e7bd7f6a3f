package com.agentfactory.finance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of re-walking the hash chain; {@code firstBrokenEntry} is the seq where it first fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenEntry, String problem) {}
