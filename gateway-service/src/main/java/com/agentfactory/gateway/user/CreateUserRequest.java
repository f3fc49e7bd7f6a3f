package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

@Schema(
        example =
                "{\"email\": \"sam@example.com\", \"password\": \"a-long-first-password\", \"first_name\": \"Sam\", \"last_name\": \"Support\", \"role\": \"SUPPORT_AGENT\"}")
record CreateUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(min = 12) @HashablePassword String password,

        @JsonProperty("first_name") @NotBlank @Size(max = 100)
        String firstName,

        @JsonProperty("last_name") @NotBlank @Size(max = 100)
        String lastName,

        @NotNull Role role,

        @Schema(
                description = "Only for role CUSTOMER: the storefront customer the account signs in as, when"
                        + " the shop knew the customer before the account; a new customer id when absent")
        @JsonProperty("customer_id")
        UUID customerId) {

    @Override
    public String toString() {
        return "CreateUserRequest[email=" + email + ", role=" + role + ", customerId=" + customerId + "]";
    }
}
