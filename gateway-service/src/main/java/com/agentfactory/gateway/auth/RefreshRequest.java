package com.agentfactory.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank @Size(max = 256)
        String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
