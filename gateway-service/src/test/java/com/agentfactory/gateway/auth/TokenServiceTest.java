package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.gateway.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokenServiceTest {

    private static final String ISSUER = "test-gateway";
    private static final SecretKey KEY = JwtConfiguration.signingKey("a-test-secret-that-is-long-enough-for-hs256");
    private static final AuthProperties PROPERTIES = new AuthProperties(
            new AuthProperties.Jwt(null, ISSUER, Duration.ofMinutes(15), Duration.ofDays(7)), "", null, null);

    private final TokenService tokens = tokenService(Clock.systemUTC(), KEY);

    @Test
    void issuesCustomerTokenWithIdentityClaims() {
        UUID userId = UUID.randomUUID();

        IssuedAccessToken issued =
                tokens.issueAccessToken(userId.toString(), "ann@example.test", List.of(Role.CUSTOMER), userId);
        Jwt jwt = decode(issued.value());

        assertThat(issued.expiresInSeconds()).isEqualTo(900);
        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsString("email")).isEqualTo("ann@example.test");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getClaimAsString("customer_id")).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsString("token_type")).isEqualTo("access");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void issuesStaffTokenWithoutCustomerId() {
        Jwt jwt = decode(tokens.issueAccessToken(
                        UUID.randomUUID().toString(), "staff@example.test", List.of(Role.SUPPORT_AGENT), null)
                .value());

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SUPPORT_AGENT");
        assertThat(jwt.hasClaim("customer_id")).isFalse();
    }

    @Test
    void rejectsExpiredToken() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = tokenService(anHourAgo, KEY)
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(expired)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        SecretKey otherKey = JwtConfiguration.signingKey("another-secret-that-is-long-enough-for-hs256");
        String forged = tokenService(Clock.systemUTC(), otherKey)
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        TokenService otherIssuer = new TokenService(
                NimbusJwtEncoder.withSecretKey(KEY).build(),
                new AuthProperties(
                        new AuthProperties.Jwt(null, "someone-else", Duration.ofMinutes(15), Duration.ofDays(7)),
                        "",
                        null,
                        null),
                Clock.systemUTC());
        String token = otherIssuer
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesSecretShorterThan32Bytes() {
        assertThatThrownBy(() -> JwtConfiguration.signingKey("too-short")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesRandomKeyWhenSecretMissing() {
        assertThat(JwtConfiguration.signingKey("").getEncoded()).hasSize(32);
        assertThat(JwtConfiguration.signingKey(null).getEncoded())
                .isNotEqualTo(JwtConfiguration.signingKey(null).getEncoded());
    }

    private static TokenService tokenService(Clock clock, SecretKey key) {
        return new TokenService(NimbusJwtEncoder.withSecretKey(key).build(), PROPERTIES, clock);
    }

    private static Jwt decode(String token) {
        return TokenService.decoder(KEY, ISSUER).decode(token).block();
    }
}
