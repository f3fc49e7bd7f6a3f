package com.agentfactory.finance;

import com.agentfactory.messaging.testing.ModularityRules;
import org.junit.jupiter.api.Test;

class ModularityTest {

    private final ModularityRules rules = ModularityRules.of("com.agentfactory.finance");

    @Test
    void featurePackagesHaveNoCycles() {
        rules.checkFeaturePackagesAreFreeOfCycles();
    }

    @Test
    void domainCodeImportsNoWebTypes() {
        rules.checkDomainCodeImportsNoWebTypes();
    }

    @Test
    void onlyMessagingCodeImportsKafkaTypes() {
        rules.checkOnlyMessagingCodeImportsKafkaTypes();
    }
}
