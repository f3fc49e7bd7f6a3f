package com.agentfactory.finance.transaction;

import java.time.Instant;

/** A page of the ledger: occurred in [from, toExclusive), optionally of one type; pages count from 1. */
record TransactionQuery(Instant from, Instant toExclusive, TransactionType type, int page, int limit) {}
