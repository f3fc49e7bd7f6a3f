package com.agentfactory.recommendation;

import com.agentfactory.messaging.testing.ModularityRules;
import org.junit.jupiter.api.Test;

class ModularityTest {

    private static final ModularityRules RULES = ModularityRules.of("com.agentfactory.recommendation");

    @Test
    void featurePackagesHaveNoCycles() {
        RULES.checkFeaturePackagesAreFreeOfCycles();
    }

    @Test
    void domainCodeImportsNoWebTypes() {
        RULES.checkDomainCodeImportsNoWebTypes();
    }

    @Test
    void onlyMessagingCodeImportsKafkaTypes() {
        RULES.checkOnlyMessagingCodeImportsKafkaTypes();
    }
}
