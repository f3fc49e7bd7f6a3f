package com.agentfactory.finance.audit;

import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/financial/audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit entries in chain order; from is inclusive, to exclusive (ISO-8601 instants)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping
    PageResponse<AuditEntry> list(
            @RequestParam(required = false) String table,
            @RequestParam(name = "record_id", required = false) UUID recordId,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return audit.list(table, recordId, user, agent, from, to, page, limit);
    }

    @Operation(
            summary = "Re-walk the hash chain from from_seq, at most limit entries, and report the first entry where"
                    + " it breaks; next_seq says where to go on when the walk stopped before the chain's end",
            description = "valid covers only the entries this call walked: a walk stopped at its limit answers valid"
                    + " true with next_seq and complete false. The chain from from_seq on is intact only when an"
                    + " answer is valid and complete (the walk reached the chain's end and checked the head); until"
                    + " then, call again from next_seq.")
    @ApiResponse(
            responseCode = "200",
            description = "The walk's outcome: valid, complete (reached the chain's end), entries_checked, and"
                    + " first_broken_entry with problem when it broke, or next_seq when it stopped at its limit")
    @ApiResponse(responseCode = "422", description = "from_seq is after the chain's last entry")
    @GetMapping("/verify")
    ChainVerification verify(
            @RequestParam(name = "from_seq", defaultValue = "1") @Min(1) long fromSeq,
            @RequestParam(defaultValue = "" + MAX_VERIFIED) @Min(1) @Max(MAX_VERIFIED) int limit) {
        return audit.verify(fromSeq, limit);
    }

    /** Entries one call re-hashes at most: the walk holds one snapshot open, so it is kept short. */
    static final int MAX_VERIFIED = 100_000;
}
