package com.agentfactory.messaging;

import com.agentfactory.messaging.testing.ModularityRules;
import org.junit.jupiter.api.Test;

class ModularityTest {

    @Test
    void packagesHaveNoCycles() {
        ModularityRules.of("com.agentfactory.messaging").checkFeaturePackagesAreFreeOfCycles();
    }
}
