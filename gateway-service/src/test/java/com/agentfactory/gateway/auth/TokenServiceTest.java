package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class TokenServiceTest {

    private static final String ISSUER = "test-gateway";
    private static final SigningKey KEY = SigningKey.generate();
    private static final AuthProperties PROPERTIES = properties(ISSUER, "agent-factory");

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
        assertThat(jwt.getAudience()).containsExactly("agent-factory");
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
        SigningKey otherKey = SigningKey.generate();
        String forged = tokenService(Clock.systemUTC(), otherKey)
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        TokenService otherIssuer =
                new TokenService(KEY.encoder(), KEY, properties("someone-else", "agent-factory"), Clock.systemUTC());
        String token = otherIssuer
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        TokenService otherAudience =
                new TokenService(KEY.encoder(), KEY, properties(ISSUER, "another-platform"), Clock.systemUTC());
        String token = otherAudience
                .issueAccessToken("user", "u@example.test", List.of(Role.ADMIN), null)
                .value();

        assertThatThrownBy(() -> decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void issuesClientTokenThatNamesTheClientAsSystemAgent() {
        Jwt jwt = decode(tokens.issueClientToken("ad-agent").value());

        assertThat(jwt.getSubject()).isEqualTo("ad-agent");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("ad-agent");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SYSTEM_AGENT");
    }

    @Test
    void neverAcceptsItsVisitorTokenFromAClient() {
        String visitor = tokens.issueAnonymousToken().value();

        assertThatThrownBy(() -> decode(visitor)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void signsWithRs256AndNamesTheKey() throws Exception {
        String token =
                tokens.issueAccessToken("user", null, List.of(Role.ADMIN), null).value();
        var header = com.nimbusds.jwt.SignedJWT.parse(token).getHeader();

        assertThat(header.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(header.getKeyID()).isEqualTo(KEY.keyId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesOnlyThePublicHalfOfTheKey() {
        var keys = (List<?>) KEY.publicJwks().get("keys");

        assertThat(keys).singleElement().satisfies(key -> assertThat((java.util.Map<String, Object>) key)
                .containsEntry("kty", "RSA")
                .containsEntry("kid", KEY.keyId())
                .containsKeys("n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
    }

    @Test
    void readsAPemKeyAndRefusesAnythingElse() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(SigningKey.fromPem(pem).keyId()).isNotBlank();
        assertThatThrownBy(() -> SigningKey.fromPem("not a key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesAKeyWhenNoneIsConfigured() {
        assertThat(JwtConfiguration.signingKey("").keyId())
                .isNotEqualTo(JwtConfiguration.signingKey(null).keyId());
    }

    private static TokenService tokenService(Clock clock, SigningKey key) {
        return new TokenService(key.encoder(), key, PROPERTIES, clock);
    }

    static AuthProperties properties(String issuer, String audience) {
        return new AuthProperties(
                new AuthProperties.Jwt(
                        null,
                        issuer,
                        audience,
                        Duration.ofMinutes(15),
                        Duration.ofDays(7),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofDays(30)),
                "",
                null,
                null);
    }

    private static Jwt decode(String token) {
        return TokenService.decoder(KEY, PROPERTIES.jwt()).decode(token).block();
    }
}
