package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(example = "{\"role\": \"MARKETING_MANAGER\"}")
record ChangeRoleRequest(@NotNull Role role) {}
