package com.agentfactory.supervisor.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Task requests as callers send them. */
public final class TaskRequestMother {

    private TaskRequestMother() {}

    public static Map<String, Object> ofType(String taskType) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("task_type", taskType);
        request.put("priority", 5);
        request.put("input_data", Map.of("note", "created by a test"));
        return request;
    }

    public static Map<String, Object> unclassified(String text) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("input_data", Map.of("message", text));
        return request;
    }

    public static Map<String, Object> with(Map<String, Object> request, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put(key, value);
        return copy;
    }
}
