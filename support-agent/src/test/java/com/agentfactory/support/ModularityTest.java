package com.agentfactory.support;

import com.agentfactory.messaging.testing.ModularityRules;
import org.junit.jupiter.api.Test;

/** The support agent's structure: one owner per state machine, the web and Kafka at the edges. */
class ModularityTest {

    private static final ModularityRules RULES = ModularityRules.of("com.agentfactory.support");

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
