package com.agentfactory.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The auth audit log; the access rules restrict the path to ADMIN. */
@RestController
@RequestMapping("/api/v1/auth/audit")
@Tag(name = "auth")
class AuthAuditController {

    private final AuthAuditLog auditLog;

    AuthAuditController(AuthAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @ApiResponse(responseCode = "200", description = "Auth events")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN reads the audit")
    @GetMapping
    @Operation(summary = "Auth events, newest first, optionally for one email, user or event type (ADMIN only)")
    Mono<List<AuthEventResponse>> find(
            @RequestParam(required = false) @Size(max = 254) String email,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) AuthEventType type,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        AuthEventQuery query = new AuthEventQuery(email, userId, type, limit);
        return Mono.fromCallable(() -> auditLog.find(query).stream()
                        .map(AuthEventResponse::from)
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
