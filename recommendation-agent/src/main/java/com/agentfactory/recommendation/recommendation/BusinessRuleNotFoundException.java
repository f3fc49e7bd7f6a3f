package com.agentfactory.recommendation.recommendation;

import java.util.UUID;

public class BusinessRuleNotFoundException extends RuntimeException {

    BusinessRuleNotFoundException(UUID ruleId) {
        super("No recommendation rule " + ruleId);
    }
}
