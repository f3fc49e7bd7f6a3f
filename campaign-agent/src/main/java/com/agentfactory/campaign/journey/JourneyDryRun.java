package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.segment.SegmentMembership;
import com.agentfactory.messaging.error.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks customers through a journey without enrolling them or sending anything, with the engine's own rules for
 * conditions, scores and splits, all evaluated now. A wait is passed as if its time ran out (a wait for an event
 * takes its timeout path), since the dry run cannot know what a customer will do.
 */
@Component
class JourneyDryRun {

    static final int DEFAULT_LIMIT = 20;

    /** More steps than this in one walk means a loop through waits; the walk stops there and says so. */
    static final int MAX_STEPS = 50;

    private final JourneyRepository journeys;
    private final CustomerFactsReader customers;
    private final SegmentMembership segments;
    private final Enrolments enrolments;
    private final Clock clock;

    JourneyDryRun(
            JourneyRepository journeys,
            CustomerFactsReader customers,
            SegmentMembership segments,
            Enrolments enrolments,
            Clock clock) {
        this.journeys = journeys;
        this.customers = customers;
        this.segments = segments;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    JourneyDryRunResponse run(UUID journeyId, DryRunJourneyRequest request) {
        Journey journey = journeys.findById(journeyId).orElseThrow(() -> new JourneyNotFoundException(journeyId));
        CompiledJourney compiled = JourneyDefinitions.fromStored(journey.definition());
        JourneyTrigger trigger = compiled.definition().trigger();
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        List<UUID> candidates;
        long candidateCount;
        if (request.customerIds() != null && !request.customerIds().isEmpty()) {
            candidates = request.customerIds().stream().distinct().toList();
            candidateCount = candidates.size();
        } else if (trigger.segmentId() != null) {
            // counted and sampled in the database, under a segment preview's time limit: a trigger segment may hold
            // every customer the shop has, and only the first few are walked through
            SegmentMembership.Sample sample = segments.sample(trigger.segmentId(), limit);
            candidates = sample.members();
            candidateCount = sample.count();
        } else {
            throw RuleViolationException.of(
                    "customer_ids", "an event-triggered journey has no members to try: name the customers");
        }
        Map<String, Object> context = request.context() == null ? Map.of() : request.context();
        Instant now = clock.instant();
        List<JourneyDryRunResponse.CustomerPath> paths = candidates.stream()
                .limit(limit)
                .map(customer -> walk(journeyId, compiled, customer, context, now))
                .toList();
        return new JourneyDryRunResponse(journeyId, trigger.type(), candidateCount, paths);
    }

    private JourneyDryRunResponse.CustomerPath walk(
            UUID journeyId, CompiledJourney journey, UUID customer, Map<String, Object> context, Instant now) {
        Optional<CustomerFacts> known = customers.known(customer, context, now);
        if (known.isEmpty()) {
            return refused(customer, "not a customer the campaign agent knows");
        }
        JourneyTrigger trigger = journey.definition().trigger();
        if (trigger.segmentId() != null && !segments.isMember(trigger.segmentId(), customer)) {
            return refused(customer, "not in the trigger's segment");
        }
        CustomerFacts facts = known.get();
        if (!JourneyFacts.holdsAll(trigger.conditionsOrEmpty(), facts)) {
            return refused(customer, "the trigger's conditions do not hold");
        }
        if (!trigger.reEntryPolicy().allows(enrolments.lastEntered(journeyId, customer), now)) {
            return refused(customer, "entered this journey before, and the trigger's re_entry keeps them out now");
        }
        List<JourneyDryRunResponse.StepOutcome> steps = new ArrayList<>();
        String current = journey.firstStep();
        while (current != null) {
            if (steps.size() == MAX_STEPS) {
                steps.add(new JourneyDryRunResponse.StepOutcome(
                        current, "stop", "the dry run stops after " + MAX_STEPS + " steps"));
                break;
            }
            JourneyStep step = journey.step(current);
            String outcome;
            String next;
            switch (step.type()) {
                case JourneyStep.WAIT -> {
                    outcome = step.event() != null
                            ? "waits up to " + step.timeout() + " for " + step.event() + "; goes on if it does not come"
                            : step.until() != null ? "waits until " + step.until() : "waits " + step.duration();
                    next = journey.next(step).orElse(null);
                }
                case JourneyStep.CONDITION -> {
                    boolean holds = JourneyEngine.conditionHolds(step, facts, now);
                    outcome = String.valueOf(holds);
                    next = holds ? step.ifTrue() : step.ifFalse();
                }
                case JourneyStep.SCORE -> {
                    int score = facts.score();
                    boolean holds = score >= step.minScore();
                    outcome = "score " + score + (holds ? " reaches " : " is below ") + step.minScore();
                    next = holds ? step.ifTrue() : step.ifFalse();
                }
                case JourneyStep.SEGMENT -> {
                    boolean member = segments.isMember(step.segmentId(), customer);
                    outcome = member ? "in the segment" : "not in the segment";
                    next = member ? step.ifTrue() : step.ifFalse();
                }
                case JourneyStep.SPLIT -> {
                    // a stratified split draws from its stratum's blocks when the customer really enters, so the dry
                    // run can only show the hashed branch, the one an unstratified split gives
                    next = step.branches()
                            .get(JourneyEngine.hashedBranch(customer, journeyId, step))
                            .next();
                    outcome = "branch to " + next
                            + (step.strata() == null ? "" : " (stratified: the branch is drawn on entry)");
                }
                case JourneyStep.END -> {
                    outcome = "ends: " + (step.reason() == null ? "end" : step.reason());
                    next = null;
                }
                default -> {
                    outcome = JourneyStep.WEBHOOK.equals(step.type())
                            ? "calls " + step.url()
                            : "sends " + step.type() + " template " + step.template();
                    next = journey.next(step).orElse(null);
                }
            }
            steps.add(new JourneyDryRunResponse.StepOutcome(step.id(), step.type(), outcome));
            current = next;
        }
        return new JourneyDryRunResponse.CustomerPath(customer, true, null, steps);
    }

    private static JourneyDryRunResponse.CustomerPath refused(UUID customer, String reason) {
        return new JourneyDryRunResponse.CustomerPath(customer, false, reason, List.of());
    }
}
