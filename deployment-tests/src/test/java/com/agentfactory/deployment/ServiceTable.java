package com.agentfactory.deployment;

import com.agentfactory.infra.platform.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's services as the deployment descriptors must run them. Port, heap and agent type come from
 * {@link ServiceSpec} (how the local launcher starts them), so the descriptors cannot drift from it; the memory
 * limits and the production replica counts are the deployment's own.
 */
record ServiceTable(ServiceSpec spec, int memoryLimitMi, int prodReplicas) {

    private static final Map<String, int[]> LIMIT_AND_PROD_REPLICAS = Map.of(
            "gateway-service", new int[] {512, 3},
            "supervisor-agent", new int[] {768, 2},
            "support-agent", new int[] {1024, 2},
            "recommendation-agent", new int[] {512, 2},
            "ad-agent", new int[] {448, 2},
            "inventory-agent", new int[] {448, 2},
            "campaign-agent", new int[] {448, 2},
            "finance-service", new int[] {512, 2});

    static final List<ServiceTable> SERVICES = ServiceSpec.all().stream()
            .map(spec -> {
                int[] sizing = LIMIT_AND_PROD_REPLICAS.get(spec.module());
                if (sizing == null) {
                    throw new IllegalStateException("no memory limit decided for " + spec.module());
                }
                return new ServiceTable(spec, sizing[0], sizing[1]);
            })
            .toList();

    static final String GATEWAY = "gateway-service";
    static final String AD_AGENT = "ad-agent";
    static final String INVENTORY_AGENT = "inventory-agent";
    static final String FINANCE = "finance-service";
    static final String RECOMMENDATION_AGENT = "recommendation-agent";
    static final String CAMPAIGN_AGENT = "campaign-agent";

    /** Docker Compose's infrastructure containers (in Kubernetes, Kafka and PostgreSQL are run by operators). */
    static final List<String> COMPOSE_INFRASTRUCTURE = List.of("postgres", "kafka", "redis", "mail");

    String name() {
        return spec.module();
    }

    int port() {
        return spec.port();
    }

    int heapMb() {
        return DescriptorRules.mebibytes(spec.heap());
    }

    static Optional<ServiceTable> find(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    static ServiceTable get(String name) {
        return find(name).orElseThrow(() -> new AssertionError("no service " + name));
    }
}
