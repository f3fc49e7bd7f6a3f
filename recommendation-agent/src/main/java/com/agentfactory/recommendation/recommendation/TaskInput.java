package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads task input fields; input that can never work fails the task without retries. */
final class TaskInput {

    private TaskInput() {}

    static UUID uuid(JsonNode input, String field) {
        JsonNode value = input == null ? null : input.get(field);
        if (value == null || !value.isString()) {
            throw new NonRetryableTaskException(field + " is required");
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException e) {
            throw new NonRetryableTaskException(field + " is not a UUID: " + value.asString());
        }
    }

    static UUID optionalUuid(JsonNode input, String field) {
        JsonNode value = input == null ? null : input.get(field);
        return value == null || value.isNull() ? null : uuid(input, field);
    }

    /** A list of ids; {@code required} lists must have at least one. */
    static List<UUID> uuids(JsonNode input, String field, boolean required, int max) {
        JsonNode value = input == null ? null : input.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new NonRetryableTaskException(field + " is required");
            }
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty()) || value.size() > max) {
            throw new NonRetryableTaskException(field + " must be a list of 1 to " + max + " UUIDs");
        }
        List<UUID> ids = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw new NonRetryableTaskException(field + " has an element that is not a UUID: " + element);
            }
            try {
                ids.add(UUID.fromString(element.asString()));
            } catch (IllegalArgumentException e) {
                throw new NonRetryableTaskException(field + " has an element that is not a UUID: " + element);
            }
        }
        return ids;
    }

    static int limit(JsonNode input, int min, int max) {
        JsonNode value = input == null ? null : input.get("limit");
        if (value == null || value.isNull()) {
            return Math.max(min, 10);
        }
        if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
            throw new NonRetryableTaskException("limit must be an integer between " + min + " and " + max);
        }
        return value.asInt();
    }
}
