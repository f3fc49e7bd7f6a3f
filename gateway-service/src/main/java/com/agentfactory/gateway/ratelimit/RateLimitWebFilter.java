package com.agentfactory.gateway.ratelimit;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Limit;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits authenticated callers per subject and per client IP (both buckets must allow), and anonymous callers per
 * client IP with a smaller bucket; requests whose bearer token is refused are charged as anonymous ones, and the
 * app's own files per client IP in a bucket of their own ({@link #filterAppFile}). Runs inside the security chain,
 * right after authentication, so it knows who is calling; it is deliberately not a bean of its own, which would make
 * Spring Boot run it a second time outside the chain.
 */
public class RateLimitWebFilter implements WebFilter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final TokenLeases leases;
    private final RateLimitProperties properties;
    private final ProblemDetailWriter problemWriter;

    RateLimitWebFilter(TokenLeases leases, RateLimitProperties properties, ProblemDetailWriter writer) {
        this.leases = leases;
        this.properties = properties;
        this.problemWriter = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication ->
                        authentication instanceof JwtAuthenticationToken && authentication.isAuthenticated())
                .map(Authentication::getName)
                .flatMap(subject -> leases.consume(List.of(
                        new Limit(key("user", subject), properties.user()),
                        new Limit(key("ip-all", clientIp(exchange)), properties.ip()))))
                .switchIfEmpty(Mono.defer(() -> anonymous(exchange)))
                .flatMap(decision -> admitOrReject(exchange, decision, Mono.defer(() -> chain.filter(exchange))));
    }

    /**
     * A request whose bearer token is refused ends at authentication and never reaches {@link #filter}: it is charged
     * here instead, to its address's anonymous bucket, so bad or forged tokens cannot be sent without limit. Once the
     * bucket is empty the answer is 429, else {@code refusal}.
     */
    public Mono<Void> chargeRefusedToken(ServerWebExchange exchange, Mono<Void> refusal) {
        if (!properties.enabled()) {
            return refusal;
        }
        return anonymous(exchange).flatMap(decision -> admitOrReject(exchange, decision, refusal));
    }

    /**
     * The app's page and bundles, charged to their client address's bucket for them alone, whoever asks: they carry no
     * token, and the API buckets are left to the API calls. Its remaining tokens are not told: the bundles are cached
     * publicly, and a shared cache would hand one client's count to the next.
     */
    public Mono<Void> filterAppFile(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return leases.consume(List.of(new Limit(key("app-files", clientIp(exchange)), properties.appFiles())))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : reject(exchange, decision));
    }

    private Mono<RateLimitDecision> anonymous(ServerWebExchange exchange) {
        return leases.consume(List.of(new Limit(key("ip", clientIp(exchange)), properties.anonymous())));
    }

    private Mono<Void> admitOrReject(ServerWebExchange exchange, RateLimitDecision decision, Mono<Void> admitted) {
        if (decision.remaining() >= 0) {
            exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
        }
        return decision.allowed() ? admitted : reject(exchange, decision);
    }

    // The prefix is the Redis Cluster hash tag: a request's buckets are checked in one script, which needs all of its
    // keys in one slot. Rate limiting is light enough for one node to carry.
    private String key(String kind, String id) {
        return "{" + properties.keyPrefix() + "}:" + kind + ":" + id;
    }

    private Mono<Void> reject(ServerWebExchange exchange, RateLimitDecision decision) {
        long retryAfter = Math.max(1, decision.retryAfterSeconds());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "Rate limit exceeded; retry after " + retryAfter + " second(s).");
        return problemWriter.write(exchange, problem);
    }

    // The client as the server resolved it: the socket peer, or behind trusted proxies the X-Forwarded-For entry they
    // wrote (clientaddress package); never an entry the client wrote itself, which would let it pick its own bucket.
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }
}
