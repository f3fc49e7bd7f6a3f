package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.money.MoneyConditions;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.time.YearRange;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a journey definition before it is stored: every field a step type needs, every reference to another
 * step, an end that can be reached, no step that cannot be, no loop a customer could run round without a
 * wait, and a currency for every amount of money a condition compares. Each error names the step and field it is
 * about ({@code steps[3].next}).
 */
final class JourneyValidator {

    private static final int MAX_STEPS = 200;
    private static final int MAX_STRATA = 20;
    // the columns a step's text is written to: journey_enrolments.end_reason and sends.target
    private static final int MAX_REASON_LENGTH = 500;
    private static final int MAX_URL_LENGTH = 2000;
    // a due time must be one PostgreSQL stores; no journey waits for years
    private static final Duration MAX_WAIT = Duration.ofDays(3650);
    // OPERATIONS, not RECORDS: a wait's until and a date trigger's at are moments the engine acts on, and a wait's
    // length is capped at ten years, so one beyond this century or before 2000 is a typing error, not a plan. Stored
    // definitions are read back without validation, so a journey saved with one outside these years runs as before;
    // only definitions saved from now on are held to them.
    private static final YearRange ACTION_TIMES = YearRange.OPERATIONS;

    private JourneyValidator() {}

    /**
     * @param errors every error found, each naming its field
     * @param malformedMoney whether an amount came without a currency or with one that is no ISO 4217 code: money
     *     malformed as it would be anywhere else in a request, rather than a journey the language refuses
     */
    record Validation(List<FieldErrorDetail> errors, boolean malformedMoney) {}

    static Validation validate(JourneyDefinition definition) {
        List<FieldErrorDetail> errors = errors(definition);
        Set<String> malformedMoney = malformedMoneyFields(definition);
        return new Validation(errors, errors.stream().anyMatch(error -> malformedMoney.contains(error.field())));
    }

    private static List<FieldErrorDetail> errors(JourneyDefinition definition) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        if (definition.name() == null || definition.name().isBlank()) {
            errors.add(error("name", "must not be blank"));
        } else if (definition.name().length() > 200) {
            errors.add(error("name", "must be at most 200 characters"));
        }
        validateTrigger(definition.trigger(), errors);
        List<JourneyStep> steps = definition.steps();
        if (steps == null || steps.isEmpty()) {
            errors.add(error("steps", "a journey needs at least one step"));
            return errors;
        }
        if (steps.size() > MAX_STEPS) {
            errors.add(error("steps", "at most " + MAX_STEPS + " steps"));
            return errors;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            JourneyStep step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step == null) {
                errors.add(error(at, "must not be empty"));
                return errors;
            }
            if (step.id() == null || step.id().isBlank()) {
                errors.add(error(at + ".id", "must not be blank"));
            } else if (step.id().length() > 64) {
                errors.add(error(at + ".id", "must be at most 64 characters"));
            } else if (index.putIfAbsent(step.id(), i) != null) {
                errors.add(error(at + ".id", "step '" + step.id() + "' is defined twice"));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            validateStep(steps.get(i), i, steps.size(), index, errors);
        }
        for (int i = 0; i < steps.size(); i++) {
            validateHoldout(steps.get(i), "steps[" + i + "]", steps, index, errors);
        }
        if (steps.stream().noneMatch(step -> JourneyStep.END.equals(step.type()))) {
            errors.add(error("steps", "a journey needs an end step"));
        }
        if (errors.isEmpty()) {
            validateGraph(steps, index, errors);
        }
        return errors;
    }

    private static void validateTrigger(JourneyTrigger trigger, List<FieldErrorDetail> errors) {
        if (trigger == null) {
            errors.add(error("trigger", "is required"));
            return;
        }
        switch (trigger.type() == null ? "" : trigger.type()) {
            case JourneyTrigger.EVENT -> {
                if (trigger.event() == null
                        || CommerceEventType.fromWireName(trigger.event()).isEmpty()) {
                    errors.add(error("trigger.event", "must be a commerce event type: " + eventTypes()));
                }
            }
            case JourneyTrigger.SEGMENT_ENTRY -> {
                if (trigger.segmentId() == null) {
                    errors.add(error("trigger.segment_id", "is required for a segment_entry trigger"));
                }
            }
            case JourneyTrigger.DATE -> {
                if (trigger.at() == null) {
                    errors.add(error("trigger.at", "is required for a date trigger"));
                } else if (!ACTION_TIMES.contains(trigger.at())) {
                    errors.add(error("trigger.at", ACTION_TIMES.requirement()));
                }
                if (trigger.segmentId() == null) {
                    errors.add(error("trigger.segment_id", "names the segment whose members enter on the date"));
                }
            }
            default -> errors.add(error("trigger.type", "must be one of: event, segment_entry, date"));
        }
        validateReEntry(trigger, errors);
        List<FieldCheck> conditions = trigger.conditionsOrEmpty();
        for (int i = 0; i < conditions.size(); i++) {
            validateCheck(conditions.get(i), "trigger.conditions[" + i + "]", errors);
        }
    }

    private static void validateReEntry(JourneyTrigger trigger, List<FieldErrorDetail> errors) {
        if (trigger.reEntry() == null) {
            return;
        }
        if (JourneyTrigger.DATE.equals(trigger.type())) {
            errors.add(error("trigger.re_entry", "a date trigger enrols its segment once: it has no re-entry"));
            return;
        }
        Optional<ReEntry> policy = ReEntry.parse(trigger.reEntry());
        if (policy.isEmpty()) {
            errors.add(error(
                    "trigger.re_entry",
                    "must be never, after_completion or a minimum gap between entries like 'P30D' or '30 days'"));
        } else if (JourneyTrigger.SEGMENT_ENTRY.equals(trigger.type()) && !ReEntry.NEVER.equals(policy.get())) {
            // leaving a segment is not tracked, so entering it again cannot be told from any other change
            errors.add(error("trigger.re_entry", "a segment_entry trigger enrols each customer once: only never"));
        } else if (policy.get().gap() != null && policy.get().gap().compareTo(MAX_WAIT) > 0) {
            errors.add(error("trigger.re_entry", "must be at most " + MAX_WAIT.toDays() + " days"));
        }
    }

    private static void validateStep(
            JourneyStep step, int i, int count, Map<String, Integer> index, List<FieldErrorDetail> errors) {
        String at = "steps[" + i + "]";
        if (step.type() == null || !JourneyStep.TYPES.contains(step.type())) {
            errors.add(error(at + ".type", "must be one of: " + String.join(", ", JourneyStep.TYPES)));
            return;
        }
        switch (step.type()) {
            case JourneyStep.WAIT -> validateWait(step, at, errors);
            case JourneyStep.CONDITION -> {
                if (step.check() != null) {
                    if (!JourneyFacts.CHECKS.contains(step.check())) {
                        errors.add(error(at + ".check", "must be one of: " + String.join(", ", JourneyFacts.CHECKS)));
                    }
                } else {
                    validateCheck(step.comparison(), at, errors);
                }
                requireBranches(step, at, errors);
            }
            case JourneyStep.SCORE -> {
                if (step.minScore() == null || step.minScore() < 0 || step.minScore() > 100) {
                    errors.add(error(at + ".min_score", "must be between 0 and 100"));
                }
                requireBranches(step, at, errors);
            }
            case JourneyStep.SEGMENT -> {
                if (step.segmentId() == null) {
                    errors.add(error(at + ".segment_id", "is required"));
                }
                requireBranches(step, at, errors);
            }
            case JourneyStep.SPLIT -> validateSplit(step, at, errors);
            case JourneyStep.WEBHOOK -> {
                requireTemplate(step, at, errors);
                if (!isHttpUrl(step.url())) {
                    errors.add(error(at + ".url", "must be an absolute http or https URL"));
                } else if (step.url().length() > MAX_URL_LENGTH) {
                    errors.add(error(at + ".url", "must be at most " + MAX_URL_LENGTH + " characters"));
                }
            }
            case JourneyStep.EMAIL, JourneyStep.SMS, JourneyStep.PUSH -> requireTemplate(step, at, errors);
            default -> {
                if (step.reason() != null && step.reason().length() > MAX_REASON_LENGTH) {
                    errors.add(error(at + ".reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
                }
            }
        }
        if (step.strata() != null && !JourneyStep.SPLIT.equals(step.type())) {
            errors.add(error(at + ".strata", "only a split has strata"));
        }
        for (Map.Entry<String, String> reference : references(step).entrySet()) {
            if (!index.containsKey(reference.getValue())) {
                errors.add(error(at + "." + reference.getKey(), "unknown step '" + reference.getValue() + "'"));
            }
        }
        boolean fallsThrough = !JourneyStep.END.equals(step.type())
                && !step.isBranching()
                && !JourneyStep.SPLIT.equals(step.type())
                && step.next() == null;
        if (fallsThrough && i == count - 1) {
            errors.add(error(at + ".next", "the last step must be an end or name the step that follows"));
        }
    }

    private static void validateWait(JourneyStep step, String at, List<FieldErrorDetail> errors) {
        int kinds = (step.duration() != null ? 1 : 0) + (step.until() != null ? 1 : 0) + (step.event() != null ? 1 : 0);
        if (kinds != 1) {
            errors.add(error(at, "a wait needs exactly one of duration, until or event"));
            return;
        }
        if (step.duration() != null) {
            if (JourneyDurations.parse(step.duration()).isEmpty()) {
                errors.add(error(at + ".duration", "must be like '1 hour', '2 days' or ISO-8601 'PT1H'"));
            } else if (tooLong(step.duration())) {
                errors.add(error(at + ".duration", "must be at most " + MAX_WAIT.toDays() + " days"));
            }
        }
        if (step.until() != null && !ACTION_TIMES.contains(step.until())) {
            errors.add(error(at + ".until", ACTION_TIMES.requirement()));
        }
        if (step.event() != null) {
            if (CommerceEventType.fromWireName(step.event()).isEmpty()) {
                errors.add(error(at + ".event", "must be a commerce event type: " + eventTypes()));
            }
            if (JourneyDurations.parse(step.timeout()).isEmpty()) {
                errors.add(error(at + ".timeout", "a wait for an event needs a timeout like '24 hours'"));
            } else if (tooLong(step.timeout())) {
                errors.add(error(at + ".timeout", "must be at most " + MAX_WAIT.toDays() + " days"));
            }
            if (step.onEvent() == null) {
                errors.add(error(at + ".on_event", "names the step to go to when the event arrives"));
            }
        } else if (step.onEvent() != null || step.timeout() != null) {
            errors.add(error(at + ".on_event", "only a wait for an event has on_event and timeout"));
        }
    }

    private static void validateSplit(JourneyStep step, String at, List<FieldErrorDetail> errors) {
        List<SplitBranch> branches = step.branches();
        if (branches == null || branches.size() < 2) {
            errors.add(error(at + ".branches", "a split needs at least two branches"));
            return;
        }
        for (int b = 0; b < branches.size(); b++) {
            SplitBranch branch = branches.get(b);
            if (branch == null || branch.weight() <= 0) {
                errors.add(error(at + ".branches[" + b + "].weight", "must be positive"));
            }
            if (branch == null || branch.next() == null) {
                errors.add(error(at + ".branches[" + b + "].next", "is required"));
            }
        }
        List<UUID> strata = step.strata();
        if (strata != null) {
            if (strata.isEmpty() || strata.size() > MAX_STRATA) {
                errors.add(error(at + ".strata", "names between 1 and " + MAX_STRATA + " segments"));
            } else if (strata.contains(null) || new HashSet<>(strata).size() != strata.size()) {
                errors.add(error(at + ".strata", "names each segment once"));
            }
        }
    }

    // a holdout's customers must get nothing from the journey, or they would not show what the untouched do
    private static void validateHoldout(
            JourneyStep step,
            String at,
            List<JourneyStep> steps,
            Map<String, Integer> index,
            List<FieldErrorDetail> errors) {
        if (!JourneyStep.SPLIT.equals(step.type()) || step.branches() == null) {
            return;
        }
        int holdouts = 0;
        for (int b = 0; b < step.branches().size(); b++) {
            SplitBranch branch = step.branches().get(b);
            if (branch == null || !branch.isHoldout()) {
                continue;
            }
            holdouts++;
            Integer target = branch.next() == null ? null : index.get(branch.next());
            if (target != null && !JourneyStep.END.equals(steps.get(target).type())) {
                errors.add(error(at + ".branches[" + b + "].next", "a holdout branch leads straight to an end step"));
            }
        }
        if (holdouts > 1) {
            errors.add(error(at + ".branches", "a split has at most one holdout branch"));
        }
    }

    private static void validateCheck(FieldCheck check, String at, List<FieldErrorDetail> errors) {
        if (check == null) {
            errors.add(error(at, "must not be empty"));
            return;
        }
        if (check.field() == null || !JourneyFacts.FIELDS.contains(check.field())) {
            errors.add(error(at + ".field", "must be one of: " + sorted(JourneyFacts.FIELDS)));
        }
        if (check.operator() == null || !JourneyFacts.OPERATORS.contains(check.operator())) {
            errors.add(error(at + ".operator", "must be one of: " + sorted(JourneyFacts.OPERATORS)));
        } else if (!Set.of("exists", "missing").contains(check.operator())) {
            if (check.value() == null) {
                errors.add(error(at + ".value", "is required for " + check.operator()));
            } else if (JourneyFacts.isInstant(check.field()) && !isInstant(check.value())) {
                errors.add(error(
                        at + ".value", "must be an ISO-8601 instant like 2026-01-31T00:00:00Z for " + check.field()));
            } else if (JourneyFacts.isMoney(check.field()) && !isNumber(check.value())) {
                errors.add(error(at + ".value", "must be a number, the amount in the condition's currency"));
            }
        }
        if (JourneyFacts.isMoney(check.field())) {
            MoneyConditions.currencyRefusal(check.currency(), check.field())
                    .ifPresent(refusal -> errors.add(error(at + ".currency", refusal)));
        } else if (check.currency() != null) {
            errors.add(error(at + ".currency", "applies only to money fields: " + sorted(JourneyFacts.MONEY_FIELDS)));
        }
    }

    /**
     * The fields naming the currency of an amount that has none, or one that is no ISO 4217 code, in the trigger's
     * conditions and the condition steps; whether they are reported depends on how far validation got.
     */
    private static Set<String> malformedMoneyFields(JourneyDefinition definition) {
        Map<String, FieldCheck> comparisons = new HashMap<>();
        List<FieldCheck> conditions =
                definition.trigger() == null ? List.of() : definition.trigger().conditionsOrEmpty();
        for (int i = 0; i < conditions.size(); i++) {
            comparisons.put("trigger.conditions[" + i + "]", conditions.get(i));
        }
        List<JourneyStep> steps = definition.steps() == null ? List.of() : definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            JourneyStep step = steps.get(i);
            if (step != null && JourneyStep.CONDITION.equals(step.type()) && step.check() == null) {
                comparisons.put("steps[" + i + "]", step.comparison());
            }
        }
        return comparisons.entrySet().stream()
                .filter(comparison -> comparison.getValue() != null
                        && JourneyFacts.isMoney(comparison.getValue().field())
                        && MoneyConditions.currencyRefusal(
                                        comparison.getValue().currency(),
                                        comparison.getValue().field())
                                .isPresent())
                .map(comparison -> comparison.getKey() + ".currency")
                .collect(Collectors.toSet());
    }

    // the engine compares an amount as a number; a string that reads as one is taken, as JSON authors write them
    private static boolean isNumber(Object value) {
        if (value instanceof Number) {
            return true;
        }
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // the engine compares an instant field with Instant.parse of the value, so the value must be one
    private static boolean isInstant(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean tooLong(String duration) {
        return JourneyDurations.parse(duration)
                .map(parsed -> parsed.compareTo(MAX_WAIT) > 0)
                .orElse(false);
    }

    private static void requireBranches(JourneyStep step, String at, List<FieldErrorDetail> errors) {
        if (step.ifTrue() == null) {
            errors.add(error(at + ".if_true", "is required"));
        }
        if (step.ifFalse() == null) {
            errors.add(error(at + ".if_false", "is required"));
        }
    }

    private static void requireTemplate(JourneyStep step, String at, List<FieldErrorDetail> errors) {
        if (step.template() == null || !step.template().matches("[A-Za-z0-9_.-]{1,100}")) {
            errors.add(error(at + ".template", "must be a template id (letters, digits, '_', '.', '-')"));
        }
    }

    /** The fields of a step that name another step, by field path. */
    private static Map<String, String> references(JourneyStep step) {
        Map<String, String> references = new java.util.LinkedHashMap<>();
        if (step.next() != null) {
            references.put("next", step.next());
        }
        if (step.ifTrue() != null) {
            references.put("if_true", step.ifTrue());
        }
        if (step.ifFalse() != null) {
            references.put("if_false", step.ifFalse());
        }
        if (step.onEvent() != null) {
            references.put("on_event", step.onEvent());
        }
        if (step.branches() != null) {
            for (int b = 0; b < step.branches().size(); b++) {
                SplitBranch branch = step.branches().get(b);
                if (branch != null && branch.next() != null) {
                    references.put("branches[" + b + "].next", branch.next());
                }
            }
        }
        return references;
    }

    private static void validateGraph(
            List<JourneyStep> steps, Map<String, Integer> index, List<FieldErrorDetail> errors) {
        Map<String, List<String>> edges = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String fallThrough = i + 1 < steps.size() ? steps.get(i + 1).id() : null;
            edges.put(steps.get(i).id(), CompiledJourney.successors(steps.get(i), fallThrough));
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(steps.getFirst().id()));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (reached.add(id)) {
                queue.addAll(edges.get(id));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!reached.contains(steps.get(i).id())) {
                errors.add(error(
                        "steps[" + i + "]", "step '" + steps.get(i).id() + "' cannot be reached from the first step"));
            }
        }
        // a loop is allowed only through a wait: without one a customer would run round it at once, for ever
        Map<String, Integer> state = new HashMap<>();
        for (JourneyStep step : steps) {
            // one loop reported is enough: the author fixes it and saves again
            if (!JourneyStep.WAIT.equals(step.type())
                    && findCycle(step.id(), steps, index, edges, state, new ArrayList<>(), errors)) {
                break;
            }
        }
        // a send is recorded once per enrolment and step (which is what makes it exactly once after a crash),
        // so a message inside a loop would go out on the first pass only, and the later passes say nothing
        for (int i = 0; i < steps.size(); i++) {
            JourneyStep step = steps.get(i);
            if (step.isAction() && leadsBackTo(step.id(), edges)) {
                errors.add(error(
                        "steps[" + i + "]",
                        "step '" + step.id() + "' sends a message inside a loop, but a step sends once per"
                                + " enrolment; move it out of the loop"));
            }
        }
    }

    private static boolean leadsBackTo(String id, Map<String, List<String>> edges) {
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(edges.get(id));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (next.equals(id)) {
                return true;
            }
            if (reached.add(next)) {
                queue.addAll(edges.get(next));
            }
        }
        return false;
    }

    private static boolean findCycle(
            String id,
            List<JourneyStep> steps,
            Map<String, Integer> index,
            Map<String, List<String>> edges,
            Map<String, Integer> state,
            List<String> path,
            List<FieldErrorDetail> errors) {
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return false;
        }
        if (seen != null && seen == 1) {
            errors.add(error(
                    "steps[" + index.get(id) + "]",
                    "cycle without a wait: " + String.join(" -> ", path.subList(path.indexOf(id), path.size())) + " -> "
                            + id));
            return true;
        }
        state.put(id, 1);
        path.add(id);
        if (!JourneyStep.WAIT.equals(steps.get(index.get(id)).type())) {
            for (String target : edges.get(id)) {
                if (findCycle(target, steps, index, edges, state, path, errors)) {
                    return true;
                }
            }
        }
        path.removeLast();
        state.put(id, 2);
        return false;
    }

    private static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String eventTypes() {
        return Arrays.stream(CommerceEventType.values())
                .map(CommerceEventType::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    private static FieldErrorDetail error(String field, String message) {
        return new FieldErrorDetail(field, message);
    }
}
