package com.agentfactory.gateway.ratelimit;

import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Grant;
import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Limit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Spends a busy caller's tokens from a small lease taken from the shared Redis buckets instead of asking Redis for
 * every request: the round trip to Redis was most of what the gateway added to a request beyond routing it (see
 * docs/benchmarks.md). Nothing is spent that was not first taken from Redis, so no caller ever gets more than its
 * buckets allow, across any number of gateway instances. What a lease costs is fairness at the edges: tokens one
 * instance holds are not available to another instance serving the same caller, and tokens left when a lease
 * expires are dropped rather than given back.
 *
 * <p>A lease is sized from the rate the caller spent the last one, to last about half its time to live, and holds at
 * most a twentieth of any of its buckets' burst (and {@code maxTokens}), so a caller at a few requests a second still
 * asks Redis for every request, and the burst a bucket allows mostly stays in Redis where every instance sees it.
 * One request per caller asks Redis at a time; the others wait for its answer.
 */
class TokenLeases {

    // A lease's leftover is dropped when it expires, so a lease must be small beside the burst it is taken from: a
    // burst of 30 (the anonymous bucket) gets none, since a page load's burst of requests wasted a few tokens a time
    // and a shopper's next page was refused.
    private static final int SHARE_OF_BURST_DIVISOR = 20;

    private final TokenBucketRateLimiter limiter;
    private final int maxTokens;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Lease> leases;

    TokenLeases(TokenBucketRateLimiter limiter, RateLimitProperties.Lease settings, LongSupplier nanoTime) {
        this.limiter = limiter;
        this.maxTokens = settings.maxTokens();
        this.timeToLiveNanos = settings.timeToLive().toNanos();
        this.nanoTime = nanoTime;
        // a caller idle for a few lease lifetimes has nothing worth keeping: its next lease starts from one token
        this.leases = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofNanos(
                        Math.max(timeToLiveNanos * 4, Duration.ofSeconds(1).toNanos())))
                .maximumSize(100_000)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    /** Spends a token from every bucket, or from none when any of them is empty. */
    Mono<RateLimitDecision> consume(List<Limit> limits) {
        String key = leaseKey(limits);
        return consume(key, leases.get(key, absent -> new Lease()), limits, false);
    }

    private Mono<RateLimitDecision> consume(String key, Lease lease, List<Limit> limits, boolean justGranted) {
        Mono<Grant> refill;
        synchronized (lease) {
            long now = nanoTime.getAsLong();
            // A request that waited for a grant spends from it even if the lease has meanwhile expired (a thread
            // descheduled past the time to live): the tokens were taken from Redis for it, and dropping them would
            // take more, making one request cost several tokens.
            if (lease.tokens > 0 && (justGranted || now < lease.expiresAt)) {
                lease.tokens--;
                lease.spent++;
                return Mono.just(new RateLimitDecision(true, lease.remainingInRedis + lease.tokens, 0));
            }
            if (lease.refill == null) {
                lease.refill = refill(key, limits, lease, now);
            }
            refill = lease.refill;
        }
        return refill.flatMap(grant -> {
            if (grant.unknown()) {
                return Mono.just(RateLimitDecision.UNKNOWN_ALLOWED);
            }
            if (grant.tokens() == 0) {
                return Mono.just(new RateLimitDecision(false, grant.remaining(), grant.retryAfterSeconds()));
            }
            // The tokens are in this lease now; take one like any other request (another waiter may have been
            // first). This lease, not the cache's: a refill slower than the cache's idle time finds its lease evicted,
            // and looking it up again would start a new lease and take more tokens for the same request.
            return consume(key, lease, limits, true);
        });
    }

    private Mono<Grant> refill(String key, List<Limit> limits, Lease lease, long now) {
        int wanted = lease.nextSize(now, leaseCap(limits), timeToLiveNanos);
        long generation = ++lease.generation;
        // The refill is forgotten as the grant is stored, before any waiter sees it: a waiter that finds the tokens
        // gone must start a new refill, not be handed this finished one again.
        return limiter.take(limits, wanted)
                .doOnNext(grant -> {
                    synchronized (lease) {
                        lease.granted(grant, nanoTime.getAsLong() + timeToLiveNanos);
                        lease.forget(generation);
                    }
                    // evicted while Redis answered: later requests should find the tokens
                    leases.asMap().putIfAbsent(key, lease);
                })
                .doFinally(signal -> {
                    synchronized (lease) {
                        lease.forget(generation);
                    }
                })
                .cache();
    }

    private int leaseCap(List<Limit> limits) {
        int cap = maxTokens;
        for (Limit limit : limits) {
            cap = Math.min(cap, limit.bucket().capacity() / SHARE_OF_BURST_DIVISOR);
        }
        return Math.max(1, cap);
    }

    private static String leaseKey(List<Limit> limits) {
        if (limits.size() == 1) {
            return limits.getFirst().key();
        }
        StringBuilder key = new StringBuilder();
        for (Limit limit : limits) {
            key.append(limit.key()).append('\n');
        }
        return key.toString();
    }

    /** One caller's tokens on this instance; guarded by its own monitor. */
    private static final class Lease {

        private int tokens;
        private long expiresAt;
        private long remainingInRedis;
        private Mono<Grant> refill;
        private long generation;
        private long lastRefillAt;
        private boolean refilledBefore;
        private int spent;

        /** Enough tokens to last about half a lease's life at the rate the caller spent the last ones. */
        int nextSize(long now, int cap, long timeToLiveNanos) {
            int size = 1;
            if (refilledBefore && now > lastRefillAt) {
                double perNano = (double) spent / (now - lastRefillAt);
                size = (int) Math.min(cap, Math.max(1, Math.floor(perNano * timeToLiveNanos / 2)));
            }
            refilledBefore = true;
            lastRefillAt = now;
            spent = 0;
            return size;
        }

        void forget(long refillGeneration) {
            if (generation == refillGeneration) {
                refill = null;
            }
        }

        void granted(Grant grant, long expiresAt) {
            if (grant.tokens() > 0) {
                this.tokens = grant.tokens();
                this.expiresAt = expiresAt;
                this.remainingInRedis = grant.remaining();
            } else {
                this.tokens = 0;
            }
        }
    }
}
