package com.agentfactory.supervisor.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /api/v1/agents/tasks/batch: up to 500 tasks accepted together; all are stored or, if any is invalid, none. */
record CreateTaskBatchRequest(
        @NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid CreateTaskRequest> tasks) {}
