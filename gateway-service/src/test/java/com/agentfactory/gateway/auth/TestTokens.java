package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.user.User;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Lets tests outside this package mint tokens through the real {@link TokenService}. */
public final class TestTokens {

    private final TokenService tokens;
    private final SigningKey key;

    private TestTokens(TokenService tokens, SigningKey key) {
        this.tokens = tokens;
        this.key = key;
    }

    public static TestTokens from(ApplicationContext context) {
        return new TestTokens(context.getBean(TokenService.class), context.getBean(SigningKey.class));
    }

    /**
     * The claims of the bearer token a service received, after checking its signature with the public key as a
     * service does.
     */
    public JWTClaimsSet forwardedClaims(String authorizationHeader) {
        assertThat(authorizationHeader).as("the forwarded Authorization header").startsWith("Bearer ");
        try {
            SignedJWT jwt = SignedJWT.parse(authorizationHeader.substring("Bearer ".length()));
            assertThat(jwt.verify(new RSASSAVerifier(key.publicKey())))
                    .as("signed with the gateway's key")
                    .isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a signed JWT: " + e.getMessage(), e);
        }
    }

    public String accessTokenFor(User user) {
        return tokens.issueAccessToken(user.id().toString(), user.email(), List.of(user.role()), user.customerId())
                .value();
    }

    public String systemAgentToken(String clientId) {
        return tokens.issueClientToken(clientId).value();
    }
}
