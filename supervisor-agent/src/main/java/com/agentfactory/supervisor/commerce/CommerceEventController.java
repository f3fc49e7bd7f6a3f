package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Commerce events (catalog, customers, orders, behaviour) into the platform. */
@RestController
@RequestMapping("/api/v1/events")
class CommerceEventController {

    private final CommerceEventService events;

    CommerceEventController(CommerceEventService events) {
        this.events = events;
    }

    @Operation(
            summary = "Submit one commerce event; answers 202, or 200 when the event id was seen before",
            description = "A customer may send only its own page, product, cart, checkout and order events (403"
                    + " otherwise). Amounts the finance ledger cannot hold are refused with 422.")
    @PostMapping
    ResponseEntity<EventResult> submit(@RequestBody JsonNode event, Caller caller) {
        EventResult result = events.accept(event, caller);
        return ResponseEntity.status(
                        result.status() == EventResult.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(result);
    }

    @Operation(summary = "Submit up to 500 commerce events; all are stored or, if any is invalid, none")
    @PostMapping("/batch")
    BatchEventsResponse submitBatch(@Valid @RequestBody BatchEventsRequest request, Caller caller) {
        return BatchEventsResponse.of(events.acceptAll(request.events(), "events", caller));
    }
}
