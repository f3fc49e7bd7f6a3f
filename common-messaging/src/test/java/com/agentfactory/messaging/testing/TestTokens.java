package com.agentfactory.messaging.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens as the gateway signs them, with a key made for this test JVM: every service under test verifies
 * them with its public half (set by {@link TestTokensContextCustomizerFactory}), so tests call a service as any
 * person, client or visitor the way the platform does, with a bearer token and never with identity headers.
 */
public final class TestTokens {

    public static final String ISSUER = "agent-factory-gateway";
    public static final String AUDIENCE = "agent-factory";
    private static final KeyPair KEYS = generate();
    private static final KeyPair FORGER = generate();

    private TestTokens() {}

    /** The public key services verify with, Base64 X.509. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A member of staff (or any person without a customer record) with the given roles. */
    public static String staff(String userId, String... roles) {
        return sign(KEYS, person(userId, List.of(roles), null), Duration.ofMinutes(15));
    }

    /** Any person: a user id, the customer they are (customers only, else null) and their roles. */
    public static String person(String userId, UUID customerId, String... roles) {
        return sign(KEYS, person(userId, List.of(roles), customerId), Duration.ofMinutes(15));
    }

    /** A signed-in customer: the user id and the customer id are the same, as the gateway registers them. */
    public static String customer(UUID customerId) {
        return sign(KEYS, person(customerId.toString(), List.of("CUSTOMER"), customerId), Duration.ofMinutes(15));
    }

    /** A service client acting as the named agent (role SYSTEM_AGENT). */
    public static String client(String clientId) {
        return sign(
                KEYS,
                claims(clientId, "access")
                        .claim("roles", List.of("SYSTEM_AGENT"))
                        .claim("client_id", clientId),
                Duration.ofMinutes(15));
    }

    /** The gateway's token for a visitor's request: valid, but naming nobody. */
    public static String visitor() {
        return sign(KEYS, claims("anonymous", "anonymous").claim("roles", List.of()), Duration.ofMinutes(5));
    }

    /** An ADMIN token signed with a key the services do not trust. */
    public static String forgedAdmin() {
        return sign(FORGER, person("forger", List.of("ADMIN"), null), Duration.ofMinutes(15));
    }

    /** An ADMIN token, rightly signed, that expired an hour ago. */
    public static String expiredAdmin() {
        return sign(KEYS, person("late-admin", List.of("ADMIN"), null), Duration.ofHours(-1));
    }

    private static JWTClaimsSet.Builder person(String userId, List<String> roles, UUID customerId) {
        JWTClaimsSet.Builder claims = claims(userId, "access").claim("roles", roles);
        return customerId == null ? claims : claims.claim("customer_id", customerId.toString());
    }

    private static JWTClaimsSet.Builder claims(String subject, String type) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .claim("token_type", type);
    }

    private static String sign(KeyPair keys, JWTClaimsSet.Builder claims, Duration ttl) {
        Instant now = Instant.now();
        Instant expiry = now.plus(ttl);
        Instant issued = ttl.isNegative() ? expiry.minus(Duration.ofMinutes(15)) : now;
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                claims.issueTime(Date.from(issued))
                        .expirationTime(Date.from(expiry))
                        .build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
