package com.agentfactory.campaign.journey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The steps only the split's branch at {@code branchIndex} leads to, in the order they are written: those control
     * reaches from the branch without passing another split and from no other branch of any split, and for a holdout
     * branch the end it leads to whatever else reaches it, other splits' holdouts included (the validator only asks a
     * holdout to end straight away, so splits may share one end, and each of them holds its customers out to it).
     * These are the arms an experiment can take the branch's customers for, so the split's assignment keeps them as
     * they are now.
     */
    List<String> stepsOnlyReachedFrom(JourneyStep split, int branchIndex) {
        record Branch(String split, int index) {}
        Map<String, Set<Branch>> reachedFrom = new HashMap<>();
        Map<String, Set<Branch>> holdouts = new HashMap<>();
        for (JourneyStep step : definition.steps()) {
            if (!JourneyStep.SPLIT.equals(step.type()) || step.branches() == null) {
                continue;
            }
            for (int i = 0; i < step.branches().size(); i++) {
                SplitBranch branch = step.branches().get(i);
                Branch key = new Branch(step.id(), i);
                if (branch.isHoldout()) {
                    holdouts.computeIfAbsent(branch.next(), id -> new HashSet<>())
                            .add(key);
                }
                for (String reached : reachableFrom(branch.next())) {
                    reachedFrom.computeIfAbsent(reached, id -> new HashSet<>()).add(key);
                }
            }
        }
        Branch given = new Branch(split.id(), branchIndex);
        return steps.keySet().stream()
                .filter(id -> holdouts.containsKey(id)
                        ? holdouts.get(id).contains(given)
                        : reachedFrom.getOrDefault(id, Set.of()).equals(Set.of(given)))
                .toList();
    }

    /** Every step control can reach from {@code first} up to the next split, {@code first} included. */
    private Set<String> reachableFrom(String first) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(first));
        while (!queue.isEmpty()) {
            String id = queue.pop();
            JourneyStep step = steps.get(id);
            if (step == null || !seen.add(id) || JourneyStep.SPLIT.equals(step.type())) {
                continue;
            }
            queue.addAll(successors(step, fallThrough.get(id)));
        }
        return seen;
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
