package com.agentfactory.gateway.ratelimit;

/** @param remaining tokens left, or -1 when unknown because Redis did not answer */
record RateLimitDecision(boolean allowed, long remaining, long retryAfterSeconds) {

    static final RateLimitDecision UNKNOWN_ALLOWED = new RateLimitDecision(true, -1, 0);

    /** Two allowing decisions combined: the fewer tokens left is what the caller has left. */
    RateLimitDecision tighter(RateLimitDecision other) {
        if (remaining < 0) {
            return other;
        }
        return other.remaining >= 0 && other.remaining < remaining ? other : this;
    }
}
