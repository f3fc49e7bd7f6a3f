package com.agentfactory.supervisor.registry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    private final AgentRegistryService registryService;

    AgentController(AgentRegistryService registryService) {
        this.registryService = registryService;
    }

    @Operation(
            summary = "Agents with personas, capabilities (the task types each announced), performance targets and"
                    + " liveness")
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
        return registryService.describe(agentId);
    }
}
