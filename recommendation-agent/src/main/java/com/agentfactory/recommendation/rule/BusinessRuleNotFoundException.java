package com.agentfactory.recommendation.rule;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class BusinessRuleNotFoundException extends NotFoundException {

    BusinessRuleNotFoundException(UUID ruleId) {
        super("No recommendation rule " + ruleId);
    }
}
