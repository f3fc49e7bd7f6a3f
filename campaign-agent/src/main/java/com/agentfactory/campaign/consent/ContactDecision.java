package com.agentfactory.campaign.consent;

/**
 * Whether a customer may be contacted on a channel now, and why, so a skipped send can be recorded with its reason.
 * {@code code} is the short reason skips are counted by (suppressed, no_consent, consent_withdrawn,
 * consent_not_in_force; consented when allowed).
 */
record ContactDecision(boolean allowed, String code, String reason) {

    static ContactDecision allowed(String reason) {
        return new ContactDecision(true, "consented", reason);
    }

    static ContactDecision refused(String code, String reason) {
        return new ContactDecision(false, code, reason);
    }
}
