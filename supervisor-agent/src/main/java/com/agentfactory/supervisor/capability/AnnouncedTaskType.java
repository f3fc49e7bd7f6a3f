package com.agentfactory.supervisor.capability;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One task type as an agent type announced it: what it does, the schemas of its input and output, an example. */
record AnnouncedTaskType(
        String agentType,
        String taskType,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        JsonNode exampleInput,
        Instant announcedAt) {}
