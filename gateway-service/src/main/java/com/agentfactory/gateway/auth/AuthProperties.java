package com.agentfactory.gateway.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
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
        @Valid BootstrapAdmin bootstrapAdmin,
        @Valid @NotNull Lockout lockout) {

    AuthProperties {
        serviceClients = serviceClients == null ? "" : serviceClients;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
        lockout = lockout == null ? Lockout.DEFAULT : lockout;
    }

    /**
     * @param signingKey PKCS#8 PEM RSA private key (2048 bits or more); blank means a key generated per start
     *     (tokens die with the process)
     * @param audience the audience every access token names and every service requires
     * @param anonymousTokenTtl how long the token the gateway sends services for a visitor's request lives
     * @param refreshReuseGrace how long after a refresh token was spent presenting it again still counts as a retry
     *     whose reply was lost, as long as the token handed out for it has not been used: its successor is replaced
     *     instead of the sign-in being ended as stolen. Zero treats every second use as theft
     * @param sessionLifetime how long a sign-in lasts at most, from the sign-in: refreshing rotates its tokens but
     *     does not extend it
     */
    record Jwt(
            String signingKey,
            @NotBlank String issuer,
            @NotBlank String audience,
            @NotNull Duration accessTokenTtl,
            @NotNull Duration refreshTokenTtl,
            @NotNull Duration anonymousTokenTtl,
            @NotNull Duration refreshReuseGrace,
            @NotNull Duration sessionLifetime) {

        static final Duration LONGEST_REUSE_GRACE = Duration.ofMinutes(5);

        // a longer grace would let a copied token be traded for a fresh pair for that long
        @AssertTrue(message = "refresh-reuse-grace must be between 0 and 5m")
        boolean isRefreshReuseGraceShort() {
            return refreshReuseGrace == null
                    || (!refreshReuseGrace.isNegative() && refreshReuseGrace.compareTo(LONGEST_REUSE_GRACE) <= 0);
        }

        @AssertTrue(message = "session-lifetime must be positive")
        boolean isSessionLifetimePositive() {
            return sessionLifetime == null || sessionLifetime.isPositive();
        }

        @Override
        public String toString() {
            return "Jwt[issuer=" + issuer + ", audience=" + audience + ", accessTokenTtl=" + accessTokenTtl
                    + ", refreshTokenTtl=" + refreshTokenTtl + ", refreshReuseGrace=" + refreshReuseGrace
                    + ", sessionLifetime=" + sessionLifetime + "]";
        }
    }

    /**
     * Per-account sign-in protection, on top of the per-IP rate limit.
     *
     * @param maxFailures failed sign-ins to one account from one client address within {@code failureWindow} that
     *     lock that address out of the account
     * @param lockout how long the first lockout lasts; each further one before a successful sign-in doubles
     * @param maxLockout the longest a lockout gets
     * @param accountMaxFailures failed sign-ins to one account from any addresses within {@code failureWindow} that
     *     slow the whole account down: far more than {@code maxFailures}, so no single address gets there
     * @param accountSlowdown how long every address the account has not signed in from before is refused then; each
     *     further round before a successful sign-in doubles it, up to {@code maxLockout}. Addresses the owner signed in
     *     from are not slowed down, so guessing from many addresses cannot keep the owner out
     */
    record Lockout(
            @Min(1) int maxFailures,
            @NotNull Duration failureWindow,
            @NotNull Duration lockout,
            @NotNull Duration maxLockout,
            @Min(1) int accountMaxFailures,
            @NotNull Duration accountSlowdown) {

        static final Lockout DEFAULT = new Lockout(
                5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 50, Duration.ofMinutes(1));
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
        return "AuthProperties[jwt=" + jwt + ", bootstrapAdmin=" + bootstrapAdmin + ", lockout=" + lockout + "]";
    }
}
