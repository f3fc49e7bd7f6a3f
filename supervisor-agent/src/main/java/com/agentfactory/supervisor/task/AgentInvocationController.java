package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.web.TraceContextFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tasks sent straight to one agent; they are tasks like any other, so the task package takes them. */
@RestController
class AgentInvocationController {

    private final TaskService tasks;

    AgentInvocationController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "Create a task for this agent; the task type defaults to the agent's default task type")
    @ApiResponse(responseCode = "201", description = "Created for that agent")
    @ApiResponse(responseCode = "422", description = "The task type is unknown or the input breaks its schema")
    @ApiResponse(
            responseCode = "503",
            description = "Intake is overloaded or the store is unreachable: retry after the Retry-After seconds")
    @PostMapping("/api/v1/agents/{agentId}/invoke")
    ResponseEntity<TaskCreatedResponse> invoke(
            @PathVariable UUID agentId,
            @Valid @RequestBody InvokeAgentRequest request,
            Caller caller,
            HttpServletRequest http) {
        TaskCreatedResponse created =
                tasks.invoke(agentId, request, caller.actorName(), TraceContextFilter.currentCorrelationId(http));
        return ResponseEntity.created(URI.create(TaskController.PATH + "/" + created.taskId()))
                .body(created);
    }
}
