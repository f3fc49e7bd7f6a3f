package com.agentfactory.inventory.batch;

/**
 * A daily run.
 *
 * @param autoApprove whether the agent approves and places suggestions within its approval limit (default true)
 */
record RunDailyBatchRequest(Boolean autoApprove) {

    boolean approving() {
        return autoApprove == null || autoApprove;
    }
}
