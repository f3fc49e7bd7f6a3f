package com.agentfactory.campaign.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Experiments and their units, over JDBC so the ab command can read them from the database without the service running.
 * A unit is one customer, the unit a split randomises: a split keeps a customer in one arm however often they enter, so
 * a returning customer's entries are not independent, and counting each entry as a unit would overstate an arm's size
 * and narrow its intervals by as much as customers return. An entry's metric is 1 when its send was opened or clicked,
 * or (conversion) the customer ordered within the conversion window, else 0. A send arm one split's branch leads to
 * (straight, or through waits and steps first) has for entries the enrolments the split sent down that branch, each
 * with its send if it got one. Which arms a branch leads to is what the assignment recorded when it was given (the
 * steps its branch alone led to then), so editing the journey's definition later (a branch pointed elsewhere, steps
 * renamed) moves no customer into another arm; assignments recorded before they kept it are read from the definition
 * as it is now. A customer who ordered or left during a wait before the send is counted in the arm as a held-out
 * customer is (intent to treat), so the arm is not thinned of the customers its delay lost while the holdout or a
 * direct arm keeps them; one still waiting is too on conversions, but on opens and clicks only once their send is
 * written or their enrolment ends, as a direct arm's customers of the same days have had their mail. Such an entry's
 * window starts at the split, whatever became of the send (none, refused, deferred or delivered). A send arm's other
 * entries are its send step's sends (one per enrolment): those of a send no split assigned are measured from the
 * delivery (then an undelivered send did not convert), and for an arm reached from several branches or none the window
 * still starts at the split when one assigned the send. A holdout arm (the end step a split's holdout branch leads to)
 * has no sends: its entries are the enrolments the split held out, each converted when the customer ordered within the
 * window after that split, so a holdout and the arms beside it are measured on one clock. A customer's unit is 1 when
 * any of their entries in the arm is 1. A customer belongs to the arm of their first entry (by the time they were
 * assigned, or their send was written when no split assigned it; the arm listed first on a tie); their entries in
 * other arms, possible only when their assignment changed (the journey's split edited) or the arms are not one split's
 * branches, are left out, as they were treated differently. An arm's units are in the order of their customers' first
 * entries. Assignments recorded before they named their enrolment, and matched to none when they were given one, are
 * joined by customer as they were then. Beside its units an arm has its assignments: its units and the customers left
 * out as still waiting whose first entry is in it, which the sample-ratio check compares with the split's weights.
 */
@Repository
public class ExperimentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ExperimentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Experiment experiment) {
        jdbc.update(
                """
                INSERT INTO experiments (id, name, journey_id, control_step, treatment_steps, metric, alpha, power,
                                         mde, tau, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                experiment.id(),
                experiment.name(),
                experiment.journeyId(),
                experiment.controlStep(),
                String.join("\n", experiment.treatmentSteps()),
                experiment.metric(),
                experiment.settings().alpha(),
                experiment.settings().power(),
                experiment.settings().mde(),
                experiment.settings().tau(),
                experiment.createdBy(),
                Timestamp.from(experiment.createdAt()));
    }

    boolean nameTaken(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM experiments WHERE lower(name) = lower(?))", Boolean.class, name));
    }

    Optional<String> journeyDefinition(UUID journeyId) {
        return jdbc.queryForList("SELECT definition FROM journeys WHERE id = ?", String.class, journeyId).stream()
                .findFirst();
    }

    public Optional<Experiment> find(UUID id) {
        return jdbc.query("SELECT * FROM experiments WHERE id = ?", ExperimentRepository::experiment, id).stream()
                .findFirst();
    }

    /** Newest first; {@code journeyId} null for every journey's. */
    List<Experiment> list(UUID journeyId, int page, int limit) {
        return jdbc.query(
                "SELECT * FROM experiments WHERE CAST(? AS UUID) IS NULL OR journey_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                ExperimentRepository::experiment,
                journeyId,
                journeyId,
                limit,
                (long) (page - 1) * limit);
    }

    long count(UUID journeyId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM experiments WHERE CAST(? AS UUID) IS NULL OR journey_id = ?",
                Long.class,
                journeyId,
                journeyId);
        return count == null ? 0 : count;
    }

    /** The steps of the journey that a split's holdout branch leads to. */
    Set<String> holdoutSteps(UUID journeyId) {
        Set<String> steps = new HashSet<>();
        journeyDefinition(journeyId).ifPresent(definition -> {
            for (JsonNode step : JSON.readTree(definition).path("steps")) {
                for (JsonNode branch : step.path("branches")) {
                    if (branch.path("holdout").asBoolean(false)) {
                        steps.add(branch.path("next").asString());
                    }
                }
            }
        });
        return steps;
    }

    /**
     * Each arm's share of the assignment: the weight of the split branch its step is reached from (see
     * {@link ArmBranches}), or an even share for every arm when one of them has no branch of its own or the arms are
     * not all of one split (then the weights say nothing of them).
     */
    double[] armShares(UUID journeyId, List<String> steps) {
        double[] even = new double[steps.size()];
        Arrays.fill(even, 1.0);
        Optional<ArmBranches> branches =
                journeyDefinition(journeyId).map(definition -> ArmBranches.of(JSON.readTree(definition)));
        if (branches.isEmpty()) {
            return even;
        }
        double[] shares = new double[steps.size()];
        String split = null;
        for (int i = 0; i < steps.size(); i++) {
            Optional<ArmBranches.Branch> branch = branches.get().branchOf(steps.get(i));
            if (branch.isEmpty()
                    || !(branch.get().weight() > 0)
                    || (split != null && !split.equals(branch.get().split()))) {
                return even;
            }
            split = branch.get().split();
            shares[i] = branch.get().weight();
        }
        return shares;
    }

    /**
     * One arm's units in the order of the customers' first entries, and how many customers the split gave it: the
     * units and those left out as still waiting before its send.
     */
    public record ArmUnits(double[] values, long assigned) {}

    /**
     * Each arm's units (one per customer, see the class comment) in the order of the customers' first entries, with
     * its assignments, keyed by step in the order given; {@code steps} are every arm of the experiment, control first,
     * since which arm a customer belongs to depends on all of them.
     */
    public Map<String, ArmUnits> units(UUID journeyId, List<String> steps, String metric, Duration conversionWindow) {
        Set<String> holdouts = holdoutSteps(journeyId);
        Optional<ArmBranches> branches =
                journeyDefinition(journeyId).map(definition -> ArmBranches.of(JSON.readTree(definition)));
        Map<UUID, Entry> firstEntries = new HashMap<>();
        // still waiting ones included: the arm the split gave a customer whose outcome is not known yet
        Map<UUID, Entry> firstAssignments = new HashMap<>();
        Map<String, Map<UUID, Boolean>> arms = new LinkedHashMap<>();
        for (String step : steps) {
            Map<UUID, Boolean> customers = new HashMap<>();
            arms.put(step, customers);
            // what an assignment recorded before it kept its arm is read from the definition as it is now
            Set<String> assignedAt =
                    branches.map(known -> known.assignedAt(step)).orElse(Set.of(step));
            boolean holdout = holdouts.contains(step);
            boolean oneBranch = branches.flatMap(known -> known.branchOf(step)).isPresent();
            Set<String> unrecordedArmAt = holdout ? Set.of(step) : oneBranch ? assignedAt : Set.of();
            List<Entry> entries = new ArrayList<>();
            // a customer still active somewhere the send cannot be reached from is not waiting for it
            Optional<Set<String>> reaching = branches.map(known -> known.stepsReaching(step));
            entries.addAll(assigned(journeyId, step, unrecordedArmAt, reaching, holdout, metric, conversionWindow));
            if (!holdout) {
                entries.addAll(sent(journeyId, step, assignedAt, oneBranch, metric, conversionWindow));
            }
            for (Entry entry : entries) {
                firstAssignments.merge(entry.customerId(), entry, ExperimentRepository::earlier);
                if (entry.waiting()) {
                    continue;
                }
                firstEntries.merge(entry.customerId(), entry, ExperimentRepository::earlier);
                // any rather than the share of their entries converted: the unit stays 0/1, so the two-proportion
                // test, its interval and the proportion sample size keep applying (a share would turn every arm into
                // a mean as soon as one customer's entries disagree), and each window is still judged on its own
                customers.merge(entry.customerId(), entry.outcome(), Boolean::logicalOr);
            }
        }
        // a customer counted in an arm has their first entry there, so it orders them among that arm's customers
        Comparator<UUID> byFirstEntry = Comparator.comparing(
                        (UUID customer) -> firstEntries.get(customer).at())
                .thenComparing(customer -> customer);
        Map<String, ArmUnits> units = new LinkedHashMap<>();
        arms.forEach((step, customers) -> {
            double[] values = customers.keySet().stream()
                    .filter(customer -> firstEntries.get(customer).step().equals(step))
                    .sorted(byFirstEntry)
                    .mapToDouble(customer -> customers.get(customer) ? 1 : 0)
                    .toArray();
            long onlyWaiting = firstAssignments.entrySet().stream()
                    .filter(first -> !firstEntries.containsKey(first.getKey()))
                    .filter(first -> first.getValue().step().equals(step))
                    .count();
            units.put(step, new ArmUnits(values, values.length + onlyWaiting));
        });
        return units;
    }

    private static Entry earlier(Entry first, Entry other) {
        return other.at().isBefore(first.at()) ? other : first;
    }

    /**
     * One entry of a customer into an arm: when they were assigned to it, and whether it met the metric; {@code
     * waiting} when its outcome is not known yet (see {@link #assigned}).
     */
    private record Entry(String step, UUID customerId, Instant at, boolean outcome, boolean waiting) {}

    private static RowMapper<Entry> entries(String stepId) {
        return (rs, row) -> new Entry(
                stepId,
                rs.getObject("customer_id", UUID.class),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getBoolean("outcome"),
                false);
    }

    private static RowMapper<Entry> assignedEntries(String stepId) {
        return (rs, row) -> new Entry(
                stepId,
                rs.getObject("customer_id", UUID.class),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getBoolean("outcome"),
                rs.getBoolean("waiting"));
    }

    /**
     * The entries of an arm from the split's assignments: every enrolment the split gave the arm, whether or not it
     * reached the arm's send (a holdout arm has none), measured from the split; on opens and clicks, one still active
     * before its send is waiting (its outcome not known yet). An assignment names the steps its branch alone led to
     * when it was given (arm_steps), so an arm keeps its customers however the journey is edited later. One recorded
     * before it did is read from the definition as it is now: it is in the arm when its next step is in
     * {@code unrecordedArmAt} (the steps the arm's one branch goes to first, see {@link ArmBranches#assignedAt}, or
     * the holdout end; none for an arm without a branch of its own), held out when {@code holdout}.
     */
    private List<Entry> assigned(
            UUID journeyId,
            String stepId,
            Set<String> unrecordedArmAt,
            Optional<Set<String>> reaching,
            boolean holdout,
            String metric,
            Duration conversionWindow) {
        String outcome =
                switch (metric) {
                    // an enrolment that ended before the send opened and clicked nothing
                    case "opened", "clicked" ->
                        "EXISTS (SELECT 1 FROM send_events e WHERE e.send_id = s.id AND e.kind = '" + metric + "')";
                    case "converted" -> """
                EXISTS (SELECT 1 FROM customer_orders o
                    WHERE o.customer_id = a.customer_id AND o.placed_total > o.cancelled_total
                      AND o.placed_at >= a.assigned_at
                      AND o.placed_at < a.assigned_at + make_interval(secs => ?))
                """;
                    default -> throw new IllegalArgumentException("unknown metric " + metric);
                };
        // one still waiting before the send is left out of the units until it is sent or ends: counted as a 0
        // meanwhile, it would push an arm that waits first below one that sends at once by the share of its customers
        // still waiting, as the direct arm's customers of the same days have had their mail. A conversion is measured
        // from the split in every arm, so a wait costs it nothing and every assignment counts. An assignment that
        // names no enrolment is counted as before. A waiting one still counts among the arm's assignments, which the
        // sample-ratio check weighs: else, with enrolments flowing in, the arm behind a wait would always look smaller
        // than the split's weights by the share still waiting.
        // Waiting is being active at a step the send can still be reached from: one whose order during the wait sent
        // it down the wait's other path, or a condition down its other side, never gets the mail and counts as a 0.
        // A wait for an event holds the step its timeout leads to as the current one and the event's in wait_next:
        // either may lead to the send.
        String waiting = metric.equals("converted")
                ? "false"
                : "(s.id IS NULL AND en.status IS NOT DISTINCT FROM 'active'"
                        + (reaching.isPresent() ? " AND (en.current_step = ANY(?) OR en.wait_next = ANY(?)))" : ")");
        String sql = "SELECT a.customer_id, a.assigned_at AS entered_at, " + outcome + " AS outcome, " + waiting
                + " AS waiting FROM split_assignments a"
                + """
                 LEFT JOIN sends s ON s.journey_id = a.journey_id AND s.step_id = ?
                    AND (s.enrolment_id = a.enrolment_id
                         OR (a.enrolment_id IS NULL AND s.customer_id = a.customer_id))
                 LEFT JOIN journey_enrolments en ON en.id = a.enrolment_id
                 WHERE a.journey_id = ?
                   AND (? = ANY(a.arm_steps)
                        OR (a.arm_steps IS NULL AND a.next_step = ANY(?) AND (a.holdout OR NOT ?)))
                """;
        String[] firstSteps = unrecordedArmAt.toArray(String[]::new);
        return metric.equals("converted")
                ? jdbc.query(
                        sql,
                        assignedEntries(stepId),
                        (double) conversionWindow.toSeconds(),
                        stepId,
                        journeyId,
                        stepId,
                        firstSteps,
                        holdout)
                : reaching.isPresent()
                        ? jdbc.query(
                                sql,
                                assignedEntries(stepId),
                                reaching.get().toArray(String[]::new),
                                reaching.get().toArray(String[]::new),
                                stepId,
                                journeyId,
                                stepId,
                                firstSteps,
                                holdout)
                        : jdbc.query(sql, assignedEntries(stepId), stepId, journeyId, stepId, firstSteps, holdout);
    }

    /**
     * The entries of a send arm from its sends that no {@link #assigned} entry holds: those of an enrolment no split
     * gave the arm, measured from their delivery, and, for an arm without a branch of its own, those of an enrolment
     * a split sent down a branch leading to the send ({@code assignedAt}, see {@link ArmBranches#assignedAt}),
     * measured from that split whether or not the assignment kept its arm (a send several branches lead to is in no
     * branch's arm): a send down a path of waits and steps is measured from the split as one straight after it is,
     * not from its delivery days later. {@code oneBranch}: the arm has a branch of its own in the definition as it is
     * now, so the assignments recorded before that match a send are {@link #assigned} entries too.
     */
    private List<Entry> sent(
            UUID journeyId,
            String stepId,
            Set<String> assignedAt,
            boolean oneBranch,
            String metric,
            Duration conversionWindow) {
        String outcome =
                switch (metric) {
                    case "opened", "clicked" ->
                        "EXISTS (SELECT 1 FROM send_events e WHERE e.send_id = s.id AND e.kind = '" + metric + "')";
                    // from the split when the customer was assigned by one, whatever became of the send (as a held-out
                    // customer is measured, so arms and holdout share one clock); else from the delivery
                    case "converted" -> """
                ((a.assigned_at IS NOT NULL OR s.status = 'sent') AND EXISTS (SELECT 1 FROM customer_orders o
                    WHERE o.customer_id = s.customer_id AND o.placed_total > o.cancelled_total
                      AND o.placed_at >= coalesce(a.assigned_at, s.sent_at)
                      AND o.placed_at < coalesce(a.assigned_at, s.sent_at) + make_interval(secs => ?)))
                """;
                    default -> throw new IllegalArgumentException("unknown metric " + metric);
                };
        // each send is measured from its own enrolment's assignment: a customer's earlier or later entry has its own
        // send and its own window, so one order is not taken from one entry's window into another's
        String sql = "SELECT s.customer_id, coalesce(a.assigned_at, s.created_at) AS entered_at, " + outcome
                + " AS outcome FROM sends s"
                + """
                 LEFT JOIN LATERAL (
                    SELECT sa.assigned_at, coalesce(s.step_id = ANY(sa.arm_steps), false) AS in_arm
                    FROM split_assignments sa
                    WHERE sa.journey_id = s.journey_id
                      AND (s.step_id = ANY(sa.arm_steps)
                           OR ((sa.arm_steps IS NULL OR NOT ?) AND sa.next_step = ANY(?)))
                      AND (sa.enrolment_id = s.enrolment_id
                           OR (sa.enrolment_id IS NULL AND sa.customer_id = s.customer_id))
                    ORDER BY sa.enrolment_id IS NULL, in_arm DESC, sa.assigned_at DESC
                    LIMIT 1) a ON true
                 WHERE s.journey_id = ? AND s.step_id = ?
                   AND (a.assigned_at IS NULL OR NOT (a.in_arm OR ?))
                """;
        // a step several branches lead to is in no assignment's arm, so its sends are found by the step their
        // branch went to first, as they are for assignments that did not keep their arm; an assignment whose arm holds
        // the send goes first, as assigned() counts the send with it
        String[] firstSteps = assignedAt.toArray(String[]::new);
        return metric.equals("converted")
                ? jdbc.query(
                        sql,
                        entries(stepId),
                        (double) conversionWindow.toSeconds(),
                        oneBranch,
                        firstSteps,
                        journeyId,
                        stepId,
                        oneBranch)
                : jdbc.query(sql, entries(stepId), oneBranch, firstSteps, journeyId, stepId, oneBranch);
    }

    private static Experiment experiment(ResultSet rs, int row) throws SQLException {
        return new Experiment(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("journey_id", UUID.class),
                rs.getString("control_step"),
                Arrays.asList(rs.getString("treatment_steps").split("\n")),
                rs.getString("metric"),
                new AnalysisSettings(
                        rs.getDouble("alpha"),
                        rs.getDouble("power"),
                        rs.getDouble("mde"),
                        rs.getDouble("tau"),
                        AnalysisSettings.DEFAULTS.burnIn()),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
