package com.agentfactory.infra.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A platform service as it is started locally: module, port, heap and database pool (the same as the k8s
 * manifests) and, for the services that run the agent runtime, the agent type they announce (null for the others).
 * The pool sizes come from the connections each service was measured to use under the demo's replay (at most 3 in
 * use at once; {@code benchmarks/pool-usage.sh}, docs/benchmarks.md) with room above: 35 in all, under the 40 the
 * platform's PostgreSQL is to serve.
 */
public record ServiceSpec(String module, int port, String heap, int databasePool, String agentType) {

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", 8080, "256m", 3, null);
    public static final ServiceSpec SUPERVISOR = new ServiceSpec("supervisor-agent", 8081, "384m", 8, null);
    public static final ServiceSpec SUPPORT = new ServiceSpec("support-agent", 8082, "384m", 4, "support");
    public static final ServiceSpec RECOMMENDATION =
            new ServiceSpec("recommendation-agent", 8083, "256m", 4, "recommendation");
    public static final ServiceSpec AD = new ServiceSpec("ad-agent", 8084, "192m", 4, "ad");
    public static final ServiceSpec INVENTORY = new ServiceSpec("inventory-agent", 8085, "192m", 4, "inventory");
    public static final ServiceSpec CAMPAIGN = new ServiceSpec("campaign-agent", 8086, "192m", 4, "campaign");
    public static final ServiceSpec FINANCE = new ServiceSpec("finance-service", 8087, "256m", 4, "finance");

    public static List<ServiceSpec> all() {
        return List.of(SUPERVISOR, SUPPORT, RECOMMENDATION, AD, INVENTORY, CAMPAIGN, FINANCE, GATEWAY);
    }

    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(module, otherPort, heap, databasePool, agentType);
    }

    /**
     * The id the agent runtime gives an agent of this type when none is configured (name-based, so every
     * process derives the same one); null for a service that is no agent.
     */
    public String agentId() {
        return agentType == null
                ? null
                : UUID.nameUUIDFromBytes(("agent:" + agentType).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
