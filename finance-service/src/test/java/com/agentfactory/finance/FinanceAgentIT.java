package com.agentfactory.finance;

import com.agentfactory.messaging.testing.AgentContract;

class FinanceAgentIT extends AgentContract {

    FinanceAgentIT() {
        super("finance", "check-budget");
    }
}
