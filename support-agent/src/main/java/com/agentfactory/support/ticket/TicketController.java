package com.agentfactory.support.ticket;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for customers (their own) and the escalation queue for support agents. */
@RestController
@RequestMapping("/api/v1/support")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/tickets/{ticketId}")
    TicketResponse read(@PathVariable UUID ticketId, Caller caller) {
        return tickets.read(ticketId, caller.customerId(), worksTheDesk(caller));
    }

    /**
     * The queue: escalated tickets waiting and claimed ones in progress, oldest handover first; optionally
     * only one customer's.
     */
    @GetMapping("/escalations")
    PageResponse<TicketSummaryResponse> queue(
            @RequestParam(name = "status", defaultValue = "ESCALATED,CLAIMED") String status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            Caller caller) {
        supportAgent(caller);
        List<FieldErrorDetail> errors = new ArrayList<>();
        List<TicketStatus> statuses = new ArrayList<>();
        for (String value : status.split(",")) {
            try {
                statuses.add(TicketStatus.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldErrorDetail("status", "must be among OPEN, ESCALATED, CLAIMED, ANSWERED, CLOSED"));
            }
        }
        if (page < 1) {
            errors.add(new FieldErrorDetail("page", "must be at least 1"));
        }
        if (limit < 1 || limit > 200) {
            errors.add(new FieldErrorDetail("limit", "must be between 1 and 200"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
        return tickets.queue(statuses, customerId, page, limit);
    }

    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The ticket's state or owner does not allow this")
    @PostMapping("/escalations/{ticketId}/claim")
    TicketResponse claim(@PathVariable UUID ticketId, Caller caller) {
        tickets.claim(ticketId, supportAgent(caller));
        return tickets.read(ticketId, null, true);
    }

    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The ticket's state or owner does not allow this")
    @PostMapping("/escalations/{ticketId}/answer")
    TicketResponse answer(@PathVariable UUID ticketId, @Valid @RequestBody AnswerTicketRequest request, Caller caller) {
        tickets.answer(ticketId, supportAgent(caller), request.text().strip(), Boolean.TRUE.equals(request.close()));
        return tickets.read(ticketId, null, true);
    }

    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "409", description = "The ticket's state or owner does not allow this")
    @PostMapping("/escalations/{ticketId}/close")
    TicketResponse close(@PathVariable UUID ticketId, Caller caller) {
        tickets.close(ticketId, supportAgent(caller));
        return tickets.read(ticketId, null, true);
    }

    private static boolean worksTheDesk(Caller caller) {
        return caller.hasAnyRole(Caller.SUPPORT_AGENT, Caller.ADMIN);
    }

    /** The acting support agent's user id; anyone else is refused. */
    private static String supportAgent(Caller caller) {
        if (!worksTheDesk(caller) || caller.userId() == null) {
            throw new NotPermittedException("Only support agents may do this.");
        }
        return caller.userId();
    }
}
