package com.agentfactory.campaign.journey;

import java.util.List;
import java.util.UUID;

/**
 * What a journey would do now: who of the candidates would enter, and the steps each would go through.
 *
 * @param candidates how many customers were candidates (the segment's members, or the customers asked about)
 * @param customers the first {@code limit} candidates, each with whether they would enter and their path
 */
record JourneyDryRunResponse(UUID journeyId, String triggerType, long candidates, List<CustomerPath> customers) {

    /** {@code reason} says why a customer would not enter; {@code steps} is empty then. */
    record CustomerPath(UUID customerId, boolean enters, String reason, List<StepOutcome> steps) {}

    /** A step the customer reaches and what it does for them: a branch taken, a wait, a message. */
    record StepOutcome(String stepId, String type, String outcome) {}
}
