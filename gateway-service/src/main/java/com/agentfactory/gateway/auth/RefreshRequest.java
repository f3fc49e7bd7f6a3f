package com.agentfactory.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(example = "{\"refresh_token\": \"Q2hhbmdlIG1lOiB0aGUgcmVmcmVzaCB0b2tlbiBmcm9tIGxvZ2lu\"}")
record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank @Size(max = 256)
        String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
