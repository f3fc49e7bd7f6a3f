package com.agentfactory.gateway.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Blocking writes and reads of the auth audit log; reactive callers run them on the bounded-elastic scheduler. */
@Service
public class AuthAuditLog {

    private final AuthAuditRepository repository;
    private final Clock clock;

    AuthAuditLog(AuthAuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void record(AuthEventType type, UUID userId, String email, String actorId, String clientIp, String detail) {
        repository.insert(
                new AuthEvent(UUID.randomUUID(), clock.instant(), type, userId, email, actorId, clientIp, detail));
    }

    List<AuthEvent> find(AuthEventQuery query) {
        return repository.find(query);
    }
}
