package com.agentfactory.gateway.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param serviceClients service credentials as {@code id:secret,id2:secret2}; none by default
 */
@ConfigurationProperties("agentfactory.auth")
@Validated
record AuthProperties(
        @Valid @NotNull Jwt jwt,
        String serviceClients,
        @Valid BootstrapAdmin bootstrapAdmin) {

    AuthProperties {
        serviceClients = serviceClients == null ? "" : serviceClients;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
    }

    /**
     * @param secret HMAC key, at least 32 bytes; blank means a random key per start (tokens die with the process)
     */
    record Jwt(
            String secret,
            @NotBlank String issuer,
            @NotNull Duration accessTokenTtl,
            @NotNull Duration refreshTokenTtl) {

        @Override
        public String toString() {
            return "Jwt[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                    + refreshTokenTtl + "]";
        }
    }

    /** Created at start-up when both are set and no user has the email yet. */
    record BootstrapAdmin(String email, String password) {

        boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + "]";
        }
    }

    @Override
    public String toString() {
        return "AuthProperties[jwt=" + jwt + ", bootstrapAdmin=" + bootstrapAdmin + "]";
    }
}
