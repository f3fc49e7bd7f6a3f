package com.agentfactory.gateway.auth;

import com.agentfactory.gateway.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
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

/** Issues the HS256 access tokens the gateway (and only the gateway) validates. */
@Service
class TokenService {

    static final String CLAIM_EMAIL = "email";
    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_CUSTOMER_ID = "customer_id";
    static final String CLAIM_TOKEN_TYPE = "token_type";
    static final String ACCESS_TOKEN_TYPE = "access";

    private final JwtEncoder encoder;
    private final AuthProperties.Jwt properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties.jwt();
        this.clock = clock;
    }

    IssuedAccessToken issueAccessToken(String subject, String email, Collection<Role> roles, UUID customerId) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(CLAIM_ROLES, roles.stream().map(Role::name).toList())
                .claim(CLAIM_TOKEN_TYPE, ACCESS_TOKEN_TYPE);
        if (email != null) {
            claims.claim(CLAIM_EMAIL, email);
        }
        if (customerId != null) {
            claims.claim(CLAIM_CUSTOMER_ID, customerId.toString());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
        return new IssuedAccessToken(token, properties.accessTokenTtl().toSeconds());
    }

    /** Accepts only unexpired access tokens this gateway signed: right key, right issuer, right token type. */
    static ReactiveJwtDecoder decoder(SecretKey key, String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<String>(CLAIM_TOKEN_TYPE, ACCESS_TOKEN_TYPE::equals),
                new JwtClaimValidator<List<?>>(CLAIM_ROLES, roles -> roles != null && !roles.isEmpty()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        return decoder;
    }
}
