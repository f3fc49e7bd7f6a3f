package com.agentfactory.supervisor.registry;

import com.agentfactory.messaging.web.TraceContextFilter;
import com.agentfactory.supervisor.config.Actors;
import com.agentfactory.supervisor.task.CreateTaskRequest;
import com.agentfactory.supervisor.task.TaskCreatedResponse;
import com.agentfactory.supervisor.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    private final AgentRegistryService registryService;
    private final AgentRegistry registry;
    private final TaskService tasks;

    AgentController(AgentRegistryService registryService, AgentRegistry registry, TaskService tasks) {
        this.registryService = registryService;
        this.registry = registry;
        this.tasks = tasks;
    }

    @Operation(summary = "Agents with personas, capabilities, performance targets and liveness")
    @GetMapping
    List<AgentResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,48}") String type,
            @RequestParam(required = false) @Size(max = 100) String department,
            @RequestParam(name = "is_active", required = false) Boolean isActive) {
        return registryService.find(type, department, isActive);
    }

    @Operation(summary = "One agent")
    @GetMapping("/{agentId}")
    AgentResponse get(@PathVariable UUID agentId) {
        return registryService.describe(registry.byId(agentId).orElseThrow(() -> new AgentNotFoundException(agentId)));
    }

    @Operation(summary = "Create a task for this agent")
    @PostMapping("/{agentId}/invoke")
    ResponseEntity<TaskCreatedResponse> invoke(
            @PathVariable UUID agentId,
            @Valid @RequestBody InvokeAgentRequest request,
            @RequestHeader(name = Actors.USER_HEADER, required = false) String userId,
            HttpServletRequest http) {
        registry.byId(agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        var created = tasks.create(
                new CreateTaskRequest(
                        request.taskType(), agentId, request.priority(), request.inputData(), request.expiresAt()),
                Actors.of(userId),
                TraceContextFilter.currentCorrelationId(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }
}
