package com.agentfactory.messaging.testing;

import org.junit.jupiter.api.Test;

/**
 * The modularity tests every service runs: its {@code ModularityTest} extends this with its base package.
 * The rules are in {@link ModularityRules}.
 */
public abstract class ModularityContract {

    private final ModularityRules rules;

    protected ModularityContract(String basePackage) {
        this.rules = ModularityRules.of(basePackage);
    }

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
