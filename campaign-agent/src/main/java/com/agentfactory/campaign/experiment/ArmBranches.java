package com.agentfactory.campaign.experiment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Which branch of a split each step of a journey is reached from, read from the journey's definition as stored. An
 * arm's share of the assignment is the weight of its branch whether the branch leads to the arm's step straight or
 * through waits, conditions or other sends first: every customer the split sends down the branch can only reach the
 * step that way. A step reached from two branches (their paths join) has no share of its own, nor has one no branch
 * reaches. A path is followed up to the next split, which assigns again. A holdout arm is the end step its holdout
 * branch leads to, whose entries are the customers that branch held out whatever else reaches the step.
 */
final class ArmBranches {

    /** One branch of a split: the split step, the branch's place in it, its weight and the step it leads to. */
    record Branch(String split, int index, double weight, String next) {}

    private static final Set<String> DECIDING = Set.of("condition", "score", "segment");

    private final Map<String, Set<Branch>> reachedFrom;
    private final Map<String, Branch> holdouts;
    private final Set<String> stepIds;
    /** Each step's predecessors, through splits too: walked back from a step, they are every step reaching it. */
    private final Map<String, Set<String>> comesFrom;

    private ArmBranches(
            Map<String, Set<Branch>> reachedFrom,
            Map<String, Branch> holdouts,
            Set<String> stepIds,
            Map<String, Set<String>> comesFrom) {
        this.reachedFrom = reachedFrom;
        this.holdouts = holdouts;
        this.stepIds = stepIds;
        this.comesFrom = comesFrom;
    }

    static ArmBranches of(JsonNode definition) {
        Map<String, JsonNode> steps = new HashMap<>();
        Map<String, String> fallThrough = new HashMap<>();
        String previous = null;
        for (JsonNode step : definition.path("steps")) {
            String id = step.path("id").asString();
            steps.put(id, step);
            if (previous != null) {
                fallThrough.put(previous, id);
            }
            previous = id;
        }
        Map<String, Set<Branch>> reachedFrom = new HashMap<>();
        Map<String, Branch> holdouts = new HashMap<>();
        for (JsonNode step : definition.path("steps")) {
            JsonNode branches = step.path("branches");
            for (int i = 0; i < branches.size(); i++) {
                JsonNode node = branches.get(i);
                String next = node.path("next").asString();
                Branch branch = new Branch(
                        step.path("id").asString(), i, node.path("weight").asDouble(), next);
                if (node.path("holdout").asBoolean(false)) {
                    holdouts.putIfAbsent(next, branch);
                }
                for (String reached :
                        walk(next, steps.keySet(), id -> successors(steps.get(id), fallThrough.get(id), false))) {
                    reachedFrom
                            .computeIfAbsent(reached, key -> new LinkedHashSet<>())
                            .add(branch);
                }
            }
        }
        Map<String, Set<String>> comesFrom = new HashMap<>();
        steps.forEach((id, step) -> {
            for (String next : successors(step, fallThrough.get(id), true)) {
                comesFrom.computeIfAbsent(next, key -> new HashSet<>()).add(id);
            }
        });
        return new ArmBranches(reachedFrom, holdouts, steps.keySet(), comesFrom);
    }

    /** The branch the step's customers all came down; empty when none or more than one leads to it. */
    Optional<Branch> branchOf(String step) {
        if (holdouts.containsKey(step)) {
            return Optional.of(holdouts.get(step));
        }
        Set<Branch> branches = reachedFrom.getOrDefault(step, Set.of());
        return branches.size() == 1 ? Optional.of(branches.iterator().next()) : Optional.empty();
    }

    /**
     * The steps the branches leading to the step go to first, where the split's assignment of a customer sent down
     * one of them is recorded: the step itself when a branch leads to it straight, the first wait or step of its path
     * otherwise. The step itself is always among them.
     */
    Set<String> assignedAt(String step) {
        Set<String> firsts = new LinkedHashSet<>(List.of(step));
        reachedFrom.getOrDefault(step, Set.of()).forEach(branch -> firsts.add(branch.next()));
        return firsts;
    }

    /** How many branches lead to the step. */
    int branchesTo(String step) {
        return holdouts.containsKey(step)
                ? 1
                : reachedFrom.getOrDefault(step, Set.of()).size();
    }

    /**
     * The steps from which an enrolment can still come to the step, through splits too, the step itself included: one
     * resting anywhere else (an order during a wait sent it down its other path, a condition its other side) will never
     * reach it.
     */
    Set<String> stepsReaching(String target) {
        return walk(target, stepIds, id -> comesFrom.getOrDefault(id, Set.of()));
    }

    /**
     * Every step of the journey the walk comes to from {@code first} following {@code next}, {@code first} included;
     * none when {@code first} is not a step of the journey.
     */
    private static Set<String> walk(
            String first, Set<String> stepIds, Function<String, ? extends Collection<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(first));
        while (!queue.isEmpty()) {
            String id = queue.pop();
            if (stepIds.contains(id) && seen.add(id)) {
                queue.addAll(next.apply(id));
            }
        }
        return seen;
    }

    /**
     * The steps control can go to from the step; with {@code throughSplits}, a split's branches too, else a walk
     * stops at a split, which assigns again.
     */
    private static List<String> successors(JsonNode step, String fallThrough, boolean throughSplits) {
        String type = step.path("type").asString();
        List<String> next = new ArrayList<>();
        if (throughSplits) {
            step.path("branches").forEach(branch -> addIfPresent(next, branch.path("next")));
        }
        if (type.equals("end") || type.equals("split")) {
            return next;
        }
        if (DECIDING.contains(type)) {
            addIfPresent(next, step.path("if_true"));
            addIfPresent(next, step.path("if_false"));
            return next;
        }
        if (step.hasNonNull("next")) {
            addIfPresent(next, step.path("next"));
        } else if (fallThrough != null) {
            next.add(fallThrough);
        }
        addIfPresent(next, step.path("on_event"));
        return next;
    }

    private static void addIfPresent(Collection<String> targets, JsonNode target) {
        if (target.isValueNode() && !target.isNull()) {
            targets.add(target.asString());
        }
    }
}
