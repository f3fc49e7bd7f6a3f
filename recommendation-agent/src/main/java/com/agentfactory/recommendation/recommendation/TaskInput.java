package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.NonRetryableTaskException;
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
