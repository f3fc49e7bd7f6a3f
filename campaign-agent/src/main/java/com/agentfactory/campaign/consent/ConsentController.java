package com.agentfactory.campaign.consent;

import com.agentfactory.messaging.identity.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/consents/{customer_id}")
class ConsentController {

    private static final String SUPPRESSION_CHANNEL = "email|sms|push|all";

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @GetMapping
    ConsentsResponse get(@PathVariable("customer_id") UUID customerId, Caller caller) {
        return consents.get(customerId, caller);
    }

    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "422", description = "A channel is given more than once")
    @PutMapping
    ConsentsResponse update(
            @PathVariable("customer_id") UUID customerId,
            @Valid @RequestBody UpdateConsentsRequest request,
            Caller caller) {
        return consents.update(customerId, request, caller);
    }

    @PutMapping("/time-zone")
    ConsentsResponse setTimeZone(
            @PathVariable("customer_id") UUID customerId,
            @Valid @RequestBody SetTimeZoneRequest request,
            Caller caller) {
        return consents.setTimeZone(customerId, request, caller);
    }

    @PutMapping("/suppressions/{channel}")
    ConsentsResponse suppress(
            @PathVariable("customer_id") UUID customerId,
            @PathVariable @Pattern(regexp = SUPPRESSION_CHANNEL, message = "must be one of: email, sms, push, all")
                    String channel,
            @Valid @RequestBody SuppressRequest request,
            Caller caller) {
        return consents.suppress(customerId, channel, request, caller);
    }

    @DeleteMapping("/suppressions/{channel}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(
            @PathVariable("customer_id") UUID customerId,
            @PathVariable @Pattern(regexp = SUPPRESSION_CHANNEL, message = "must be one of: email, sms, push, all")
                    String channel,
            Caller caller) {
        consents.lift(customerId, channel, caller);
    }
}
