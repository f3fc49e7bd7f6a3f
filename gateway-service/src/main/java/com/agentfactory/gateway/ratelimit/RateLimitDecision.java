package com.agentfactory.gateway.ratelimit;

/** @param remaining tokens left, or -1 when unknown because Redis did not answer */
record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds) {

    static final RateLimitDecision UNKNOWN_ALLOWED = new RateLimitDecision(true, -1, 0);
}
