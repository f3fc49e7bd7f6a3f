package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import jakarta.validation.constraints.NotNull;

record ChangeRoleRequest(@NotNull Role role) {}
