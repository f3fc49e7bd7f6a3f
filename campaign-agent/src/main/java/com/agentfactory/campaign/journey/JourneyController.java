package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Journeys are posted as JSON or YAML (Content-Type application/yaml), as their authors write them; a top-level
 * {@code campaign_id} puts the journey in that campaign.
 */
@RestController
@RequestMapping("/api/v1/campaigns/journeys")
class JourneyController {

    private final JourneyService journeys;
    private final JourneyDryRun dryRun;

    // JourneyControllerExamplesTest holds every journey example here to the validator, as a posted one is
    private static final String WELCOME_JOURNEY = "{\"journey\": {\"name\": \"Welcome\","
            + " \"description\": \"A first e-mail a day after sign-up.\","
            + " \"trigger\": {\"type\": \"event\", \"event\": \"customer.upserted\", \"re_entry\": \"never\"},"
            + " \"steps\": [{\"id\": 1, \"type\": \"wait\", \"duration\": \"1 day\"},"
            + " {\"id\": 2, \"type\": \"email\", \"template\": \"abandoned_cart_reminder\"},"
            + " {\"id\": 3, \"type\": \"end\"}]}}";

    JourneyController(JourneyService journeys, JourneyDryRun dryRun) {
        this.journeys = journeys;
        this.dryRun = dryRun;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(
            responseCode = "400",
            description = "The definition cannot be read, or a condition on money has no currency (or not an ISO 4217"
                    + " one): the fields at fault are named")
    @ApiResponse(responseCode = "409", description = "A journey of that name exists, or its campaign is archived")
    @ApiResponse(
            responseCode = "422",
            description = "The definition is not valid, or names a segment or campaign that does not exist:"
                    + " the fields at fault are named")
    @PostMapping(
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_YAML_VALUE,
                "application/x-yaml",
                "text/yaml"
            })
    @ResponseStatus(HttpStatus.CREATED)
    JourneyResponse create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The journey definition, as JSON or YAML",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            examples = @ExampleObject(name = "welcome", value = WELCOME_JOURNEY)))
                    @RequestBody
                    String definition,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            Caller caller) {
        return journeys.create(definition, contentType.toLowerCase().contains("yaml"), caller.actorName());
    }

    /** A new definition for a journey that has never been activated; 409 otherwise. */
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(
            responseCode = "400",
            description = "The definition cannot be read, or a condition on money has no currency (or not an ISO 4217"
                    + " one): the fields at fault are named")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The journey has been activated, another has that name, or it would join an archived campaign")
    @ApiResponse(
            responseCode = "422",
            description = "The definition is not valid, or names a segment or campaign that does not exist:"
                    + " the fields at fault are named")
    @PutMapping(
            value = "/{id}",
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_YAML_VALUE,
                "application/x-yaml",
                "text/yaml"
            })
    JourneyResponse update(
            @PathVariable UUID id,
            @RequestBody String definition,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        return journeys.update(id, definition, contentType.toLowerCase().contains("yaml"));
    }

    @GetMapping
    PageResponse<JourneyResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return journeys.list(page, limit);
    }

    @GetMapping("/{id}")
    JourneyResponse get(@PathVariable UUID id) {
        return journeys.get(id);
    }

    /** Who would enter now and which steps each would take; enrols nobody and sends nothing. */
    @PostMapping("/{id}/dry-run")
    JourneyDryRunResponse dryRun(@PathVariable UUID id, @Valid @RequestBody DryRunJourneyRequest request) {
        return dryRun.run(id, request);
    }

    @ApiResponse(responseCode = "200", description = "Activated")
    @ApiResponse(
            responseCode = "409",
            description = "The journey's campaign is not sending: not launched yet, paused, or over")
    @PostMapping("/{id}/activate")
    JourneyResponse activate(@PathVariable UUID id) {
        return journeys.activate(id);
    }

    @PostMapping("/{id}/deactivate")
    JourneyResponse deactivate(@PathVariable UUID id) {
        return journeys.deactivate(id);
    }

    /**
     * Enrols the named customer whatever the trigger's {@code re_entry} policy says: the policy decides whom the
     * trigger enrols, and whoever names a customer here has made that decision themselves.
     */
    @ApiResponse(
            responseCode = "201",
            description = "Enrolled. The trigger's re_entry policy is not applied: a customer named here enters again"
                    + " though the trigger would never enrol them again, or not yet (the enrol-customer task does the"
                    + " same); only an enrolment still in progress refuses a new one")
    @ApiResponse(
            responseCode = "409",
            description = "The journey is not active, its campaign is not sending (not launched yet, paused or over),"
                    + " or the customer is still in the journey (an enrolment in progress)")
    @PostMapping("/{id}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    EnrolmentResponse enrol(@PathVariable UUID id, @Valid @RequestBody EnrolCustomerRequest request) {
        return journeys.enrol(id, request.customerId(), request.context());
    }

    @GetMapping("/{id}/enrolments")
    PageResponse<EnrolmentResponse> enrolments(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return journeys.enrolments(id, page, limit);
    }
}
