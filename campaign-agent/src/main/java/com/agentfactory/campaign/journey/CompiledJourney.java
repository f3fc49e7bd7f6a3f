package com.agentfactory.campaign.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journey definition that passed validation, with each step's successors resolved. */
record CompiledJourney(JourneyDefinition definition, Map<String, JourneyStep> steps, Map<String, String> fallThrough) {

    /** Indexes the steps; call only on a definition {@link JourneyValidator} accepted. */
    static CompiledJourney of(JourneyDefinition definition) {
        Map<String, JourneyStep> byId = new LinkedHashMap<>();
        Map<String, String> following = new HashMap<>();
        List<JourneyStep> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            byId.put(steps.get(i).id(), steps.get(i));
            if (i + 1 < steps.size()) {
                following.put(steps.get(i).id(), steps.get(i + 1).id());
            }
        }
        return new CompiledJourney(definition, byId, following);
    }

    String firstStep() {
        return definition.steps().getFirst().id();
    }

    JourneyStep step(String id) {
        JourneyStep step = steps.get(id);
        if (step == null) {
            throw new IllegalStateException("journey " + definition.name() + " has no step " + id);
        }
        return step;
    }

    /** The step after {@code step} when it does not branch: its {@code next}, else the step written after it. */
    Optional<String> next(JourneyStep step) {
        return Optional.ofNullable(step.next()).or(() -> Optional.ofNullable(fallThrough.get(step.id())));
    }

    /** Every step control can go to from {@code step}. */
    static List<String> successors(JourneyStep step, String fallThrough) {
        List<String> targets = new ArrayList<>();
        switch (step.type()) {
            case JourneyStep.END -> {
                // nothing follows an end
            }
            case JourneyStep.CONDITION, JourneyStep.SCORE, JourneyStep.SEGMENT -> {
                addIfPresent(targets, step.ifTrue());
                addIfPresent(targets, step.ifFalse());
            }
            case JourneyStep.SPLIT -> {
                if (step.branches() != null) {
                    step.branches().forEach(branch -> addIfPresent(targets, branch.next()));
                }
            }
            default -> {
                addIfPresent(targets, step.next() != null ? step.next() : fallThrough);
                if (JourneyStep.WAIT.equals(step.type())) {
                    addIfPresent(targets, step.onEvent());
                }
            }
        }
        return targets;
    }

    private static void addIfPresent(List<String> targets, String target) {
        if (target != null) {
            targets.add(target);
        }
    }
}
