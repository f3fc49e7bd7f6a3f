package com.agentfactory.campaign.consent;

/** Whether a customer may be contacted on a channel now, and why, so a skipped send can be recorded with its reason. */
record ContactDecision(boolean allowed, String reason) {

    static ContactDecision allowed(String reason) {
        return new ContactDecision(true, reason);
    }

    static ContactDecision refused(String reason) {
        return new ContactDecision(false, reason);
    }
}
