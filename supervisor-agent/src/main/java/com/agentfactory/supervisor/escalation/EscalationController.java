package com.agentfactory.supervisor.escalation;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The queue people work from: tasks the agents could not finish or the router would not guess. */
@RestController
@RequestMapping("/api/v1/escalations")
class EscalationController {

    private final EscalationService escalations;

    EscalationController(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Operation(summary = "Escalations, oldest first")
    @GetMapping
    PageResponse<EscalationResponse> list(
            @RequestParam(required = false) EscalationStatus status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return escalations.list(status, page, limit);
    }

    @GetMapping("/{escalationId}")
    EscalationResponse get(@PathVariable UUID escalationId) {
        return escalations.get(escalationId);
    }

    @Operation(summary = "Take an escalation to work on it")
    @ApiResponse(responseCode = "409", description = "Already claimed by someone else, or already resolved")
    @ApiResponse(responseCode = "200", description = "Claimed by the caller")
    @PostMapping("/{escalationId}/claim")
    EscalationResponse claim(@PathVariable UUID escalationId, Caller caller) {
        return escalations.claim(escalationId, caller.actorName());
    }

    @Operation(summary = "Close an escalation: complete the task by hand, cancel it, or send it back to an agent")
    @ApiResponse(responseCode = "409", description = "Not claimed by the caller, or already resolved")
    @ApiResponse(responseCode = "200", description = "Resolved")
    @PostMapping("/{escalationId}/resolve")
    EscalationResponse resolve(
            @PathVariable UUID escalationId, @Valid @RequestBody ResolveEscalationRequest request, Caller caller) {
        return escalations.resolve(escalationId, request, caller.actorName());
    }
}
