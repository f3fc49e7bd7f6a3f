package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.text.StorableText;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent's report as the store can hold it: every NUL (U+0000), which PostgreSQL text and jsonb refuse, becomes
 * U+FFFD, in its texts and in its output's names and values. Refusing such a report instead would leave its task with
 * the agent for good, since the agent has already sent its final word.
 */
final class StorableReports {

    static final char REPLACEMENT = '\uFFFD';

    private StorableReports() {}

    static boolean needsRepair(TaskStatusChanged change) {
        return StorableText.containsNul(change.error())
                || StorableText.containsNul(change.taskType())
                || StorableText.containsNul(change.agentId())
                || StorableText.containsNul(change.agentType())
                || StorableText.containsNul(change.instanceId())
                || (change.output() != null
                        && !StorableText.nulPaths(change.output()).isEmpty())
                || (change.errors() != null
                        && change.errors().stream()
                                .anyMatch(e -> e != null
                                        && (StorableText.containsNul(e.field())
                                                || StorableText.containsNul(e.message()))));
    }

    /** The report with every NUL replaced; the same report when it has none. */
    static TaskStatusChanged storable(TaskStatusChanged change) {
        if (!needsRepair(change)) {
            return change;
        }
        return new TaskStatusChanged(
                change.taskId(),
                text(change.taskType()),
                change.status(),
                text(change.agentId()),
                text(change.agentType()),
                text(change.instanceId()),
                change.progress(),
                change.output() == null ? null : tree(change.output()),
                text(change.error()),
                change.attempt(),
                change.occurredAt(),
                change.failure(),
                change.errors() == null
                        ? null
                        : change.errors().stream()
                                .map(e -> e == null ? null : new FieldErrorDetail(text(e.field()), text(e.message())))
                                .toList(),
                change.dispatchId());
    }

    private static String text(String text) {
        return text == null ? null : text.replace('\0', REPLACEMENT);
    }

    private static JsonNode tree(JsonNode node) {
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(text(node.asString()));
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> array.add(tree(element)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                object.set(text(field.getKey()), tree(field.getValue()));
            }
            return object;
        }
        return node;
    }
}
