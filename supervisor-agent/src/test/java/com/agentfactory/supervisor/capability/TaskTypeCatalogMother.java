package com.agentfactory.supervisor.capability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Catalogs as announcements would leave them, for unit tests outside the capability package. */
public final class TaskTypeCatalogMother {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TaskTypeCatalogMother() {}

    /** Each agent type with these task types, every one taking any object. */
    public static TaskTypeCatalog announcing(Map<String, List<String>> taskTypesByAgentType) {
        List<AnnouncedTaskType> all = new ArrayList<>();
        taskTypesByAgentType.forEach((agentType, taskTypes) -> taskTypes.forEach(
                taskType -> all.add(announced(agentType, taskType, JSON.readTree("{\"type\": \"object\"}")))));
        var catalog = new TaskTypeCatalog();
        catalog.replaceAll(all);
        return catalog;
    }

    static AnnouncedTaskType announced(String agentType, String taskType, JsonNode inputSchema) {
        return new AnnouncedTaskType(
                agentType,
                taskType,
                "does " + taskType,
                inputSchema,
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
