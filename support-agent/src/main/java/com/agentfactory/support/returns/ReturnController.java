package com.agentfactory.support.returns;

import com.agentfactory.messaging.identity.Caller;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Return authorisations: the customer sees their own, the support desk every one. */
@RestController
@RequestMapping("/api/v1/support/returns")
class ReturnController {

    private final ReturnService returns;

    ReturnController(ReturnService returns) {
        this.returns = returns;
    }

    @GetMapping("/{returnId}")
    ReturnAuthorisationResponse read(@PathVariable UUID returnId, Caller caller) {
        return ReturnAuthorisationResponse.of(
                returns.read(returnId, caller.customerId(), caller.hasAnyRole(Caller.SUPPORT_AGENT, Caller.ADMIN)));
    }
}
