package com.agentfactory.gateway.auth;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);
    // one entry per signed-in client with a live token; a few MiB at most
    private static final long VERIFIED_TOKENS_CACHED = 4_096;

    @Bean
    SigningKey jwtSigningKey(AuthProperties properties) {
        return signingKey(properties.jwt().signingKey());
    }

    static SigningKey signingKey(String pem) {
        if (pem == null || pem.isBlank()) {
            log.warn("JWT_SIGNING_KEY is not set: signing tokens with a key generated at start-up; tokens will not "
                    + "survive a restart and other gateway instances will reject them");
            return SigningKey.generate();
        }
        return SigningKey.fromPem(pem);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKey jwtSigningKey) {
        return jwtSigningKey.encoder();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKey jwtSigningKey, AuthProperties properties, Clock clock) {
        return new CachingJwtDecoder(
                TokenService.decoder(jwtSigningKey, properties.jwt()), VERIFIED_TOKENS_CACHED, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // delegating: BCrypt today, and hashes say which algorithm made them so a later switch needs no migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
