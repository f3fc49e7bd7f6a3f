package com.agentfactory.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

record RegistrationResponse(
        @JsonProperty("user_id") UUID userId,
        String email,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {}
