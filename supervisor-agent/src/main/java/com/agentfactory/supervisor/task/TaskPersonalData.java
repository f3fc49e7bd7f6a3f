package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tasks about a customer (the customer named in the task's input) or asked for by them. An erasure blanks the
 * task's input, output and error and keeps the task itself, so the history and metrics of the agents stay whole.
 * Plain SQL: one statement over the JSON input each way, not an aggregate load per task.
 */
@Component
class TaskPersonalData implements PersonalDataHolder {

    private static final String OF_CUSTOMER = "(input_data ->> 'customer_id' = ? OR requested_by = ?)";

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

    private final JdbcTemplate jdbc;

    TaskPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.update(
                "UPDATE tasks SET input_data = '{\"erased\": true}'::jsonb,"
                        + " output_data = CASE WHEN output_data IS NULL THEN NULL ELSE '{\"erased\": true}'::jsonb END,"
                        + " error_message = NULL,"
                        + " requested_by = CASE WHEN requested_by = ? THEN 'erased' ELSE requested_by END"
                        + " WHERE " + OF_CUSTOMER,
                id,
                id,
                id);
    }
}
