package com.agentfactory.gateway.auth;

import com.agentfactory.gateway.user.HashablePassword;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(
        example =
                "{\"email\": \"ada@example.com\", \"password\": \"correct-horse-battery\", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}")
record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12) @HashablePassword String password,

        @JsonProperty("first_name") @NotBlank @Size(max = 100)
        String firstName,

        @JsonProperty("last_name") @NotBlank @Size(max = 100)
        String lastName) {

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + "]";
    }
}
