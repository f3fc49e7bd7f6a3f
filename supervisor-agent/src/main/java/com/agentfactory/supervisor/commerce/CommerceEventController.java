package com.agentfactory.supervisor.commerce;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    private static final String PRODUCT_VIEWED = "{\"type\": \"product.viewed\","
            + " \"event_id\": \"7d0f4c8e-2b1a-4c3e-9f5d-1a2b3c4d5e6f\", \"occurred_at\": \"2026-01-15T09:30:00Z\","
            + " \"customer_id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"session_id\": \"session-42\","
            + " \"product_id\": \"5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293\"}";

    private final CommerceEventService events;

    CommerceEventController(CommerceEventService events) {
        this.events = events;
    }

    @Operation(
            summary = "Submit one commerce event; answers 202, or 200 when the event id was seen before",
            description = "A customer may send only its own page, product, cart, checkout and order events (403"
                    + " otherwise). Amounts the finance ledger cannot hold are refused with 422.")
    @ApiResponse(responseCode = "202", description = "Accepted: stored and on its way")
    @ApiResponse(responseCode = "200", description = "A resend of an event seen before: nothing changed")
    @ApiResponse(
            responseCode = "422",
            description =
                    "Well-formed but refused: an amount the ledger cannot hold, a price that is not the catalogue's, or"
                            + " an event id already used by a different event")
    @PostMapping
    ResponseEntity<EventResult> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "One commerce event; its type names the record it must match",
                            content =
                                    @Content(
                                            examples = @ExampleObject(name = "product.viewed", value = PRODUCT_VIEWED)))
                    @RequestBody
                    JsonNode event,
            Caller caller) {
        EventResult result = events.accept(event, caller);
        return ResponseEntity.status(
                        result.status() == EventResult.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(result);
    }

    @Operation(summary = "Submit up to 500 commerce events; all are stored or, if any is invalid, none")
    @ApiResponse(
            responseCode = "422",
            description = "One of the events is refused for the reason a single event would be; none is stored")
    @ApiResponse(responseCode = "200", description = "Every event stored (or seen before), with each one's outcome")
    @PostMapping("/batch")
    BatchEventsResponse submitBatch(@Valid @RequestBody BatchEventsRequest request, Caller caller) {
        return BatchEventsResponse.of(events.acceptAll(request.events(), "events", caller));
    }
}
