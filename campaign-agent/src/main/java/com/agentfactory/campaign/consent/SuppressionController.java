package com.agentfactory.campaign.consent;

import com.agentfactory.messaging.paging.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every suppression, for the staff who keep the list; set and lifted per customer under the consents. */
@RestController
@RequestMapping("/api/v1/campaigns/suppressions")
class SuppressionController {

    private final ConsentService consents;

    SuppressionController(ConsentService consents) {
        this.consents = consents;
    }

    /** Newest first; {@code channel} (email, sms, push or all) and {@code customer_id} narrow the list. */
    @GetMapping
    PageResponse<SuppressionResponse> list(
            @RequestParam(required = false)
                    @Pattern(regexp = "email|sms|push|all", message = "must be one of: email, sms, push, all")
                    String channel,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return consents.suppressions(channel, customerId, page, limit);
    }
}
