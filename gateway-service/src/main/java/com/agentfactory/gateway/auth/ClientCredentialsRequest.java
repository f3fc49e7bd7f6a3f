package com.agentfactory.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(example = "{\"client_id\": \"mail-gateway\", \"client_secret\": \"the-secret-from-your-vault\"}")
record ClientCredentialsRequest(
        @JsonProperty("client_id") @NotBlank @Size(max = 200)
        String clientId,

        @JsonProperty("client_secret") @NotBlank @Size(max = 512)
        String clientSecret) {

    @Override
    public String toString() {
        return "ClientCredentialsRequest[clientId=" + clientId + "]";
    }
}
