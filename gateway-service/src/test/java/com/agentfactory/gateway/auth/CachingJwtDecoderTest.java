package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final String ISSUER = "test-gateway";
    private static final SigningKey KEY = SigningKey.generate();
    private static final AuthProperties PROPERTIES = TokenServiceTest.properties(ISSUER, "agent-factory");

    private final MutableClock clock = MutableClock.of(Instant.now(), ZoneOffset.UTC);
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        return TokenService.decoder(KEY, PROPERTIES.jwt()).decode(token);
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);

    @Test
    void verifiesATokenOnceAndServesItsLaterUsesFromMemory() {
        String token = token(KEY);

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("user-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverServesARememberedTokenPastItsExpiry() {
        String token = token(KEY);
        decoder.decode(token).block();

        clock.add(Duration.ofMinutes(16));
        Mono<Jwt> afterExpiry = decoder.decode(token);

        // the real verifier (on the system clock) still accepts it; what matters is that it was asked again
        afterExpiry.block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void doesNotRememberRejectedTokens() {
        String forged = token(SigningKey.generate());

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static String token(SigningKey key) {
        return new TokenService(key.encoder(), key, PROPERTIES, Clock.systemUTC())
                .issueAccessToken("user-1", "u@example.test", List.of(Role.ADMIN), null)
                .value();
    }
}
