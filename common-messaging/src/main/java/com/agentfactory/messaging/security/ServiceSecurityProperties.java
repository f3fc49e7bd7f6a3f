package com.agentfactory.messaging.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service verifies the bearer tokens on its requests.
 *
 * @param issuer the gateway's issuer name every token must carry
 * @param audience the audience every token must name
 * @param jwksUri where the gateway publishes the public key set (fetched on first use and on an unknown key id)
 * @param publicKey a Base64 X.509 RSA public key to verify with instead of fetching the key set (tests, or a
 *     deployment that pins the key); empty to use {@code jwksUri}
 * @param publicPaths request paths (Ant patterns) served without a token: only what authenticates otherwise,
 *     such as an ad exchange's bid endpoint with its own key
 * @param client this service's own client credentials for calls to other services
 */
@Validated
@ConfigurationProperties("agentfactory.security")
public record ServiceSecurityProperties(
        @DefaultValue("agent-factory-gateway") @NotBlank String issuer,
        @DefaultValue("agent-factory") @NotBlank String audience,

        @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") @NotNull
        URI jwksUri,

        String publicKey,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Client client) {

    public ServiceSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /**
     * This service's own credentials, for calls it makes to other services (only services that make such calls
     * are given a secret).
     *
     * @param id the client id, which names the service as the acting agent
     * @param secret the client secret the gateway knows for {@code id}; empty when the service calls no other
     * @param tokenUri the gateway's client-credentials token endpoint
     */
    public record Client(
            String id,
            String secret,

            @DefaultValue("http://127.0.0.1:8080/api/v1/auth/token")
            URI tokenUri) {

        public boolean isConfigured() {
            return id != null && !id.isBlank() && secret != null && !secret.isBlank();
        }

        @Override
        public String toString() {
            return "Client[id=" + id + ", tokenUri=" + tokenUri + "]";
        }
    }

    boolean pinsPublicKey() {
        return publicKey != null && !publicKey.isBlank();
    }
}
