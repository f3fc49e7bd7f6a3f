package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.supervisor.privacy.ErasedCustomers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tasks about a customer (the customer named in the task's input) or asked for by them. An erasure blanks the
 * task's input, output, error and field errors, the agents' words in the reasons of its moves and the notes people
 * gave with theirs, and keeps the task and its moves themselves, so the history and metrics of the agents stay whole.
 * Plain SQL over the JSON input, not an aggregate load per task. The customer is marked erased first; a task about
 * them taken in afterwards is refused ({@link ErasedCustomerTaskRefused}).
 */
@Component
class TaskPersonalData implements PersonalDataHolder {

    /**
     * Compared without case: a customer id is a UUID, which a client may send in any case, and tasks taken in before
     * intake stored it in lower case may hold it as sent. The id it is compared with is in lower case.
     */
    private static final String OF_CUSTOMER = "(lower(input_data ->> 'customer_id') = ? OR lower(requested_by) = ?)";

    /** What an erasure leaves of an agent's or a person's words where the text around them stays. */
    static final String ERASED_TEXT = TasksErased.ERASED_TEXT;

    /** What an erasure leaves where a customer's id named who asked for a task or moved it. */
    static final String ERASED_CUSTOMER = TasksErased.ERASED_CUSTOMER;

    /**
     * The moves whose reason holds an agent's words: a failure or expiry it reported says its error, possibly with
     * the note that the expiry had not seen the task running; an escalation after a failure says why, then the
     * error. Only the error is replaced, the supervisor's own words around it stay. The patterns follow the reasons
     * {@link TaskLifecycleService} writes; a reason in another form is replaced whole.
     */
    private static final String ERASE_REPORTED_REASONS = "WITH reported AS ("
            + " SELECT tr.id, tr.reason FROM task_transitions tr JOIN tasks ON tasks.id = tr.task_id"
            + " WHERE " + OF_CUSTOMER + " AND tr.reason IS NOT NULL"
            + " AND (tr.to_status = 'FAILED' OR (tr.to_status = 'EXPIRED' AND tr.actor <> '"
            + TaskDispatcher.SUPERVISOR_TYPE + "')"
            + " OR (tr.from_status = 'FAILED' AND tr.to_status = 'ESCALATED')))"
            + " UPDATE task_transitions tr SET reason = CASE WHEN tr.to_status = 'ESCALATED'"
            + " THEN coalesce(substring(reported.reason from"
            + " '^(retries exhausted after [0-9]+ attempt\\(s\\): |[^:]* has no handler for the task type: )'), '')"
            + " || ?"
            + " ELSE ? || coalesce(substring(reported.reason from"
            + " '( \\(started before expires_at [^;()]*; the expiry had not yet seen it running\\))$'), '') END"
            + " FROM reported WHERE tr.id = reported.id"
            + " RETURNING tr.task_id, reported.reason AS reason_before, tr.reason AS reason_after";

    /**
     * The moves people make (cancelling a task, or completing or requeuing an escalated one) whose reason is a note
     * they typed: whatever they wrote may name the customer. The reasons the supervisor writes when they typed none
     * ({@link TaskLifecycleService}'s, and the form of earlier versions) name no one but the person, and stay.
     */
    private static final String ERASE_PEOPLES_NOTES = "UPDATE task_transitions tr SET reason = ? FROM tasks"
            + " WHERE tasks.id = tr.task_id AND " + OF_CUSTOMER + " AND tr.reason IS NOT NULL"
            + " AND (tr.to_status = 'CANCELLED'"
            + " OR (tr.from_status = 'ESCALATED' AND tr.to_status IN ('COMPLETED', 'QUEUED')))"
            + " AND tr.reason NOT IN ('cancelled', 'cancelled by ' || tr.actor, 'completed by ' || tr.actor)"
            // "requeued to support by carol", or "requeued by carol" as an earlier version wrote it; the actor is
            // compared as text, not put into the pattern, since a name may hold any character
            + " AND regexp_replace(tr.reason, '^requeued to [a-z][a-z0-9-]* by ', 'requeued by ')"
            + "     <> 'requeued by ' || tr.actor"
            + " AND tr.reason !~ '^requeued to [a-z][a-z0-9-]*$'";

    /**
     * The moves the customer made themselves (asking for a task, cancelling it) name them as the actor, and the
     * supervisor's words for a move without a note ("cancelled by ...") repeat the actor, which is replaced with it.
     * Run after {@link #ERASE_PEOPLES_NOTES}, which tells those words from a note by comparing them with the actor.
     * Only the moves of the customer's tasks, read by the task's index: no index reads the actor.
     */
    private static final String ERASE_CUSTOMERS_MOVES = "UPDATE task_transitions SET actor = '"
            + ERASED_CUSTOMER + "',"
            + " reason = CASE WHEN right(reason, length(actor) + 4) = ' by ' || actor"
            + " THEN left(reason, length(reason) - length(actor)) || '" + ERASED_CUSTOMER + "'"
            + " ELSE reason END"
            + " WHERE task_id = ANY (?) AND lower(actor) = ?";

    private static final ObjectNode ERASED =
            JsonNodeFactory.instance.objectNode().put("erased", true);

    /** What an erasure leaves of a task's input and output. */
    static JsonNode erased() {
        return ERASED.deepCopy();
    }

    /**
     * Whether the task was erased. Its input no longer names the customer, so neither export nor erasure would find
     * what an agent reports on it afterwards.
     */
    static boolean isErased(Task task) {
        return ERASED.equals(task.inputData());
    }

    /**
     * The output to keep of a task: an agent or a person may finish a task erased while it was open, and what they
     * write is about the customer too.
     */
    static JsonNode outputToKeep(Task task, JsonNode output) {
        return isErased(task) && output != null && !output.isNull() ? erased() : output;
    }

    /**
     * The reason to keep for a person's move of a task: the note they typed, or the supervisor's own words when they
     * typed none. Typed on a task erased while it waited for them, the note is about the customer too.
     */
    static String noteToKeep(Task task, String note, String otherwise) {
        if (note == null) {
            return otherwise;
        }
        return isErased(task) ? ERASED_TEXT : note;
    }

    /**
     * The customers a new task is about, as the erasure finds them (the customer named in its input, or the one who
     * asked for it), each with the field that names them. A value that is no customer id names no one.
     */
    static Map<UUID, String> customersNamedBy(Task task) {
        Map<UUID, String> named = new LinkedHashMap<>();
        if (task == null) {
            return named;
        }
        JsonNode customer = task.inputData() == null ? null : task.inputData().get("customer_id");
        if (customer != null && customer.isString()) {
            customerId(customer.asString()).ifPresent(id -> named.put(id, "input_data.customer_id"));
        }
        customerId(task.requestedBy()).ifPresent(id -> named.putIfAbsent(id, "requested_by"));
        return named;
    }

    /**
     * The input as it is stored: the customer it names under their id in lower case, the form the erasure and the
     * export look it up by, however the client cased it. The input sent is not changed.
     */
    static JsonNode inputAsStored(JsonNode input) {
        JsonNode customer = input == null ? null : input.get("customer_id");
        if (!(input instanceof ObjectNode object) || customer == null || !customer.isString()) {
            return input;
        }
        String sent = customer.asString();
        return customerId(sent)
                .map(UUID::toString)
                .filter(stored -> !stored.equals(sent))
                .<JsonNode>map(stored -> object.deepCopy().put("customer_id", stored))
                .orElse(input);
    }

    /** Who asked for a task, as it is stored: a customer's id in lower case, as for {@link #inputAsStored}. */
    static String requesterAsStored(String requestedBy) {
        return customerId(requestedBy).map(UUID::toString).orElse(requestedBy);
    }

    static Optional<UUID> customerId(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ErasedCustomers erasedCustomers;

    TaskPersonalData(JdbcTemplate jdbc, ApplicationEventPublisher events, ErasedCustomers erasedCustomers) {
        this.jdbc = jdbc;
        this.events = events;
        this.erasedCustomers = erasedCustomers;
    }

    @Override
    public PersonalData export(UUID customerId) {
        String id = customerId.toString();
        return PersonalData.of(
                "tasks",
                jdbc.queryForList(
                        "SELECT id, task_type, status, input_data::text AS input_data, output_data::text AS output_data,"
                                + " error_message, created_at, completed_at FROM tasks WHERE " + OF_CUSTOMER
                                + " ORDER BY created_at",
                        id,
                        id));
    }

    @Override
    public long erase(UUID customerId) {
        String id = customerId.toString();
        // marked first, holding the customer's lock: a task about them stored meanwhile committed before and is
        // blanked below, or is refused for a retry, which then finds them erased
        erasedCustomers.markErased(customerId);
        // locked first: a report on one of these tasks waits and then finds it erased, and the moves of one applied
        // just before are committed, so the statements below see them
        List<UUID> erased = jdbc.queryForList(
                "SELECT id FROM tasks WHERE " + OF_CUSTOMER + " ORDER BY id FOR UPDATE", UUID.class, id, id);
        List<TaskReasonsErased.Replaced> reasons = jdbc.query(
                ERASE_REPORTED_REASONS,
                (rs, row) -> new TaskReasonsErased.Replaced(
                        rs.getObject("task_id", UUID.class),
                        rs.getString("reason_before"),
                        rs.getString("reason_after")),
                id,
                id,
                ERASED_TEXT,
                ERASED_TEXT);
        if (!reasons.isEmpty()) {
            events.publishEvent(new TaskReasonsErased(reasons));
        }
        jdbc.update(ERASE_PEOPLES_NOTES, ERASED_TEXT, id, id);
        jdbc.update(ERASE_CUSTOMERS_MOVES, erased.toArray(UUID[]::new), id);
        if (!erased.isEmpty()) {
            events.publishEvent(new TasksErased(customerId, erased));
        }
        return jdbc.update(
                "UPDATE tasks SET input_data = '{\"erased\": true}'::jsonb,"
                        + " output_data = CASE WHEN output_data IS NULL THEN NULL ELSE '{\"erased\": true}'::jsonb END,"
                        + " error_message = NULL, errors = NULL,"
                        + " requested_by = CASE WHEN lower(requested_by) = ? THEN '" + ERASED_CUSTOMER
                        + "' ELSE requested_by END"
                        + " WHERE " + OF_CUSTOMER,
                id,
                id,
                id);
    }
}
