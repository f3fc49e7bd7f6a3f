package com.agentfactory.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the token signing key, which every service fetches to verify access tokens. */
@RestController
class JwksController {

    static final String PATH = "/.well-known/jwks.json";

    private final Map<String, Object> jwks;

    JwksController(SigningKey signingKey) {
        this.jwks = signingKey.publicJwks();
    }

    @Operation(summary = "JSON Web Key Set of the access-token signing key")
    @GetMapping(value = PATH, produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(jwks);
    }
}
