package com.agentfactory.gateway.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the auth audit log.
 *
 * @param userId the account the event is about, null when the email matches no account
 * @param actorId who acted when it is not the account itself (an administrator), else null
 */
public record AuthEvent(
        UUID id,
        Instant occurredAt,
        AuthEventType type,
        UUID userId,
        String email,
        String actorId,
        String clientIp,
        String detail) {}
