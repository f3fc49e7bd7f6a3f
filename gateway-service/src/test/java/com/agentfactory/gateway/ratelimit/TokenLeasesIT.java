package com.agentfactory.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leased tokens against the real Redis: fewer round trips for a busy caller, never more requests than its buckets. */
class TokenLeasesIT {

    private static final RateLimitProperties.Lease LEASES = new RateLimitProperties.Lease(32, Duration.ofMinutes(1));

    private static TestRedis redis;
    private static TokenBucketRateLimiter limiter;

    @BeforeAll
    static void connect() {
        redis = new TestRedis();
        limiter = redis.limiter;
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void aBusyCallerAsksRedisForFarFewerThanOneTokenPerRequest() {
        TokenLeases leases = new TokenLeases(limiter, LEASES, System::nanoTime);
        List<Limit> caller = List.of(bucket("busy", 1_000_000, 1_000_000));
        long scriptCallsBefore = scriptCalls();

        List<RateLimitDecision> decisions = Flux.range(0, 2_000)
                .flatMap(i -> leases.consume(caller), 16)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(decisions).hasSize(2_000).allMatch(RateLimitDecision::allowed);
        assertThat(scriptCalls() - scriptCallsBefore).isLessThan(2_000 / 8);
    }

    @Test
    void gatewayInstancesLeasingOneCallersTokensNeverLetMoreThroughThanItsBucketHolds() {
        TokenLeases oneInstance = new TokenLeases(limiter, LEASES, System::nanoTime);
        TokenLeases another = new TokenLeases(limiter, LEASES, System::nanoTime);
        String caller = "shared-" + UUID.randomUUID();
        List<Limit> userAndAddress = List.of(bucket(caller, 200, 0.001), bucket(caller + "-ip", 10_000, 0.001));
        List<Mono<RateLimitDecision>> requests = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            requests.add((i % 2 == 0 ? oneInstance : another).consume(userAndAddress));
        }

        long allowed = Flux.fromIterable(requests)
                .flatMap(request -> request, 32)
                .filter(RateLimitDecision::allowed)
                .count()
                .block(Duration.ofSeconds(60));

        assertThat(allowed)
                .as("every token the two instances spent was taken from the bucket of 200 first")
                .isLessThanOrEqualTo(200)
                .as("and the instances' leases, at most a twentieth of the bucket each, strand few of them")
                .isGreaterThanOrEqualTo(200 - 2 * 10);
    }

    @Test
    void burstsFromBehindASmallBucketWasteNoneOfItsTokens() {
        AtomicLong now = new AtomicLong(1);
        // each reading of the clock a millisecond after the last: a burst's requests come a little apart
        TokenLeases leases = new TokenLeases(
                limiter,
                new RateLimitProperties.Lease(32, Duration.ofMillis(250)),
                () -> now.addAndGet(Duration.ofMillis(1).toNanos()));
        // the anonymous bucket's size: a page load asks for its assets at once, a second page a moment later
        List<Limit> visitor = List.of(bucket("page-loads", 30, 0.001));
        long allowed = 0;
        for (int page = 0; page < 6; page++) {
            allowed += Flux.range(0, 5)
                    .flatMap(i -> leases.consume(visitor), 5)
                    .filter(RateLimitDecision::allowed)
                    .count()
                    .block(Duration.ofSeconds(10));
            now.addAndGet(Duration.ofMillis(500).toNanos());
        }

        assertThat(allowed).as("six bursts of five fit a bucket of thirty").isEqualTo(30);
        assertThat(leases.consume(visitor).block(Duration.ofSeconds(10)).allowed())
                .isFalse();
    }

    @Test
    void aCallerAtAFewRequestsASecondTakesOneTokenFromRedisPerRequest() {
        AtomicLong now = new AtomicLong(1);
        TokenLeases leases =
                new TokenLeases(limiter, new RateLimitProperties.Lease(32, Duration.ofMillis(250)), now::get);
        List<Limit> caller = List.of(bucket("calm", 100, 0.001));
        List<Long> remaining = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            remaining.add(leases.consume(caller).block(Duration.ofSeconds(10)).remaining());
            now.addAndGet(Duration.ofMillis(500).toNanos());
        }

        assertThat(remaining).containsExactly(99L, 98L, 97L, 96L, 95L);
    }

    @Test
    void aRequestSpendsTheTokenGrantedForItEvenWhenItResumesAfterTheLeaseExpired() {
        AtomicLong now = new AtomicLong(1);
        // every reading of the clock a second after the last: each grant has expired by the time its request resumes
        TokenLeases leases = new TokenLeases(
                limiter,
                new RateLimitProperties.Lease(32, Duration.ofMillis(250)),
                () -> now.addAndGet(Duration.ofSeconds(1).toNanos()));
        List<Limit> caller = List.of(bucket("descheduled", 100, 0.001));
        List<Long> remaining = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            remaining.add(leases.consume(caller).block(Duration.ofSeconds(10)).remaining());
        }

        assertThat(remaining).containsExactly(99L, 98L, 97L, 96L, 95L);
    }

    @Test
    void tokensLeftInAnExpiredLeaseAreNotSpent() {
        AtomicLong now = new AtomicLong(1);
        TokenLeases leases =
                new TokenLeases(limiter, new RateLimitProperties.Lease(32, Duration.ofMillis(100)), now::get);
        List<Limit> caller = List.of(bucket("stops", 1_000, 0.001));
        // a millisecond apart: the second lease is sized for the next 50 ms at a thousand requests a second
        for (int i = 0; i < 3; i++) {
            leases.consume(caller).block(Duration.ofSeconds(10));
            now.addAndGet(Duration.ofMillis(1).toNanos());
        }
        long leftInRedis = leases.consume(caller).block(Duration.ofSeconds(10)).remaining();

        now.addAndGet(Duration.ofMillis(100).toNanos());
        RateLimitDecision afterExpiry = leases.consume(caller).block(Duration.ofSeconds(10));

        assertThat(afterExpiry.allowed()).isTrue();
        assertThat(afterExpiry.remaining())
                .as("the request after the lease expired was granted from Redis, not from the lease")
                .isLessThan(leftInRedis - 1);
    }

    private static Limit bucket(String name, int capacity, double refillPerSecond) {
        return new Limit(
                "{leases-it-" + UUID.randomUUID() + "}:" + name,
                new RateLimitProperties.Bucket(capacity, refillPerSecond));
    }

    private static long scriptCalls() {
        try (RedisConnection connection = redis.connections.getConnection()) {
            Properties stats = connection.serverCommands().info("commandstats");
            long calls = 0;
            for (String command : List.of("cmdstat_evalsha", "cmdstat_eval")) {
                String line = stats.getProperty(command);
                if (line != null) {
                    calls += Long.parseLong(line.replaceAll(".*calls=(\\d+).*", "$1"));
                }
            }
            return calls;
        }
    }
}
