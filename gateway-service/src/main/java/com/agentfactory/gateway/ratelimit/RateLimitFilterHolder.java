package com.agentfactory.gateway.ratelimit;

/** Hands the rate-limit filter to the security chain without registering it as a global WebFilter. */
public record RateLimitFilterHolder(RateLimitWebFilter filter) {}
