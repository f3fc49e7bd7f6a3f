package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import java.util.List;
import java.util.UUID;

/** Only customers the read model knows can be enrolled: a journey has nobody to contact otherwise. */
class UnknownCustomerException {

    private UnknownCustomerException() {}

    static RuleViolationException of(UUID customerId) {
        String message = "customer " + customerId + " is not known to the campaign agent";
        return new RuleViolationException(message, List.of(new FieldErrorDetail("customer_id", message)));
    }
}
