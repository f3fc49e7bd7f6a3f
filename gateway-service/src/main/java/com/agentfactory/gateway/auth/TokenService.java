package com.agentfactory.gateway.auth;

import com.agentfactory.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Service;

/**
 * Issues the RS256 access tokens of the platform: people's and service clients' tokens, which the gateway and
 * every service verify against the published key set, and the gateway's own short-lived token that vouches for
 * a visitor's request on its way to a service.
 */
@Service
class TokenService {

    static final String CLAIM_EMAIL = "email";
    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_CUSTOMER_ID = "customer_id";
    static final String CLAIM_CLIENT_ID = "client_id";
    static final String CLAIM_TOKEN_TYPE = "token_type";
    static final String ACCESS_TOKEN_TYPE = "access";
    /** Services read it as an anonymous caller; the gateway itself never accepts it from a client. */
    static final String ANONYMOUS_TOKEN_TYPE = "anonymous";

    private final JwtEncoder encoder;
    private final SigningKey signingKey;
    private final AuthProperties.Jwt properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SigningKey signingKey, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.properties = properties.jwt();
        this.clock = clock;
    }

    IssuedAccessToken issueAccessToken(String subject, String email, Collection<Role> roles, UUID customerId) {
        JwtClaimsSet.Builder claims = claims(
                        subject, ACCESS_TOKEN_TYPE, properties.accessTokenTtl().toSeconds())
                .claim(CLAIM_ROLES, roles.stream().map(Role::name).toList());
        if (email != null) {
            claims.claim(CLAIM_EMAIL, email);
        }
        if (customerId != null) {
            claims.claim(CLAIM_CUSTOMER_ID, customerId.toString());
        }
        return new IssuedAccessToken(sign(claims), properties.accessTokenTtl().toSeconds());
    }

    /** A service client's token: it acts as the platform's agent named by its client id. */
    IssuedAccessToken issueClientToken(String clientId) {
        JwtClaimsSet.Builder claims = claims(
                        clientId, ACCESS_TOKEN_TYPE, properties.accessTokenTtl().toSeconds())
                .claim(CLAIM_ROLES, List.of(Role.SYSTEM_AGENT.name()))
                .claim(CLAIM_CLIENT_ID, clientId);
        return new IssuedAccessToken(sign(claims), properties.accessTokenTtl().toSeconds());
    }

    /** The token the gateway sends a service with a request its access rules admit without a token. */
    IssuedAccessToken issueAnonymousToken() {
        long ttl = properties.anonymousTokenTtl().toSeconds();
        JwtClaimsSet.Builder claims =
                claims("anonymous", ANONYMOUS_TOKEN_TYPE, ttl).claim(CLAIM_ROLES, List.of());
        return new IssuedAccessToken(sign(claims), ttl);
    }

    private JwtClaimsSet.Builder claims(String subject, String type, long ttlSeconds) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttlSeconds))
                .claim(CLAIM_TOKEN_TYPE, type);
    }

    private String sign(JwtClaimsSet.Builder claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.keyId())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /**
     * What the gateway accepts from a client: unexpired access tokens this gateway signed, for this audience, with
     * a subject and roles (never the anonymous token it hands services).
     */
    static ReactiveJwtDecoder decoder(SigningKey key, AuthProperties.Jwt properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<String>(CLAIM_TOKEN_TYPE, ACCESS_TOKEN_TYPE::equals),
                new JwtClaimValidator<List<?>>(CLAIM_ROLES, roles -> roles != null && !roles.isEmpty()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        return decoder;
    }
}
