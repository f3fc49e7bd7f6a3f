package com.agentfactory.supervisor.capability;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskTypeController {

    private final TaskTypeCatalog catalog;

    TaskTypeController(TaskTypeCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(
            summary = "Every task type the agents announced, with its agent type, description, input and output"
                    + " JSON Schemas and a valid example input; ordered by agent type, then task type")
    @GetMapping("/api/v1/agents/task-types")
    List<TaskTypeResponse> list(
            @RequestParam(name = "agent_type", required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,48}")
                    String agentType) {
        return catalog.all().stream()
                .filter(taskType -> agentType == null || taskType.agentType().equals(agentType))
                .map(TaskTypeResponse::of)
                .toList();
    }
}
