package com.agentfactory.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);
    static final int MIN_SECRET_BYTES = 32;
    // one entry per signed-in client with a live token; a few MiB at most
    private static final long VERIFIED_TOKENS_CACHED = 4_096;

    @Bean
    SecretKey jwtSigningKey(AuthProperties properties) {
        return signingKey(properties.jwt().secret());
    }

    static SecretKey signingKey(String secret) {
        byte[] bytes;
        if (secret == null || secret.isBlank()) {
            log.warn("JWT_SECRET is not set: signing tokens with a random key; tokens will not survive a restart "
                    + "and other gateway instances will reject them");
            bytes = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(bytes);
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
            }
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey).build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtSigningKey, AuthProperties properties, Clock clock) {
        return new CachingJwtDecoder(
                TokenService.decoder(jwtSigningKey, properties.jwt().issuer()), VERIFIED_TOKENS_CACHED, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // delegating: BCrypt today, and hashes say which algorithm made them so a later switch needs no migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
