package com.agentfactory.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
