package com.agentfactory.deployment;

import java.util.List;
import java.util.Optional;

/** The platform's service table: the single source of truth the descriptors are checked against. */
record ServiceTable(String name, int port, int heapMb, int memoryRequestMi, int memoryLimitMi, int replicas) {

    static final List<ServiceTable> SERVICES = List.of(
            new ServiceTable("gateway-service", 8080, 256, 384, 512, 2),
            new ServiceTable("supervisor-agent", 8081, 384, 512, 768, 2),
            new ServiceTable("support-agent", 8082, 384, 768, 1024, 1),
            new ServiceTable("recommendation-agent", 8083, 256, 384, 512, 1),
            new ServiceTable("ad-agent", 8084, 192, 320, 448, 1),
            new ServiceTable("inventory-agent", 8085, 192, 320, 448, 1),
            new ServiceTable("campaign-agent", 8086, 192, 320, 448, 1),
            new ServiceTable("finance-service", 8087, 256, 384, 512, 1));

    static final String GATEWAY = "gateway-service";
    static final String SUPERVISOR = "supervisor-agent";

    static final List<String> AGENTS =
            List.of("support-agent", "recommendation-agent", "ad-agent", "inventory-agent", "campaign-agent");

    static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "redis");

    static Optional<ServiceTable> find(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
