package com.agentfactory.gateway.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

record AuthEventResponse(
        UUID id,
        @JsonProperty("occurred_at") Instant occurredAt,
        AuthEventType type,
        @JsonProperty("user_id") UUID userId,
        String email,
        @JsonProperty("actor_id") String actorId,
        @JsonProperty("client_ip") String clientIp,
        String detail) {

    static AuthEventResponse from(AuthEvent event) {
        return new AuthEventResponse(
                event.id(),
                event.occurredAt(),
                event.type(),
                event.userId(),
                event.email(),
                event.actorId(),
                event.clientIp(),
                event.detail());
    }
}
