package com.agentfactory.gateway.audit;

import java.util.UUID;

record AuthEventQuery(String email, UUID userId, AuthEventType type, int limit) {}
