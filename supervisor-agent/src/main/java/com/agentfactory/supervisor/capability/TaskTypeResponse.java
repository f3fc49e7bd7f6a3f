package com.agentfactory.supervisor.capability;

import tools.jackson.databind.JsonNode;

/** A task type as the agent that handles it announced it: what it does, what it takes, what it gives back. */
record TaskTypeResponse(
        String agentType,
        String taskType,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        JsonNode exampleInput) {

    static TaskTypeResponse of(AnnouncedTaskType taskType) {
        return new TaskTypeResponse(
                taskType.agentType(),
                taskType.taskType(),
                taskType.description(),
                taskType.inputSchema(),
                taskType.outputSchema(),
                taskType.exampleInput());
    }
}
