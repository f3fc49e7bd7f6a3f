package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

record UserResponse(
        @JsonProperty("user_id") UUID userId,
        String email,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        Role role,
        @JsonProperty("created_at") Instant createdAt) {

    static UserResponse from(User user) {
        return new UserResponse(
                user.id(), user.email(), user.firstName(), user.lastName(), user.role(), user.createdAt());
    }
}
