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
 *
 * <p>{@code maxYoungGeneration} caps the young generation (-XX:MaxNewSize) where the JVM's default, a third of the
 * heap, would keep far more young memory touched than the service needs; null leaves the default. Only for a service
 * whose old generation was measured to stay put: a small young generation promotes sooner, and the old generation
 * may take the room the cap leaves it (the recommendation agent's filled with 135 MB of promoted garbage when tried).
 *
 * <p>{@code periodicCollection} runs G1 with a periodic collection (JEP 346) instead of the serial collector, for a
 * service whose heap a batch grows well past what it keeps (the serial collector gives memory back only at a full
 * collection, which an idle service may not see for hours, while G1 collects when it has been idle for a minute and
 * then gives back what is free) and for one whose requests' garbage the serial collector promotes under load (the
 * gateway).
 */
public record ServiceSpec(
        String module,
        int port,
        String heap,
        int databasePool,
        String agentType,
        String maxYoungGeneration,
        boolean periodicCollection) {

    /**
     * Every proxied request leaves short-lived reactive garbage, and under load the serial collector, with the small
     * heap it starts with, promoted the requests in flight at each young collection (its survivor space of 2 MB too
     * small for them): the old generation filled with dead requests and was compacted 20-30 times in 80 s of load,
     * 13-15 s of pauses in all. A pause longer than the route's bulkhead can absorb turns into refusals. G1 collects
     * that garbage concurrently; at rest it gives the heap back like the serial collector (docs/benchmarks.md).
     */
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", 8080, "256m", 3, null, null, true);

    public static final ServiceSpec SUPERVISOR = new ServiceSpec("supervisor-agent", 8081, "384m", 8, null);
    /**
     * Most of the support agent's heap is old and stays (the language detector's models, the intent model, the
     * knowledge index); the default young generation, a third of the heap and so sized by that old generation, kept
     * 95 MB committed and touched for the short-lived garbage of chat turns. Capped, it ran about as many young
     * collections and no more full ones.
     */
    public static final ServiceSpec SUPPORT =
            new ServiceSpec("support-agent", 8082, "384m", 4, "support", "32m", false);

    /**
     * Every retraining (each 15 minutes, and on demand) holds the model in service, the one being trained and the
     * training's own arrays: its heap grew to about twice what it keeps afterwards, and under the serial collector it
     * stayed so (330-460 MiB between otherwise alike runs).
     */
    public static final ServiceSpec RECOMMENDATION =
            new ServiceSpec("recommendation-agent", 8083, "256m", 4, "recommendation", null, true);

    public static final ServiceSpec AD = new ServiceSpec("ad-agent", 8084, "192m", 4, "ad");
    public static final ServiceSpec INVENTORY = new ServiceSpec("inventory-agent", 8085, "192m", 4, "inventory");
    /**
     * The campaign agent and the finance service allocate little between their scheduled steps: capped at 16m, their
     * young generations kept 15 and 7 MB less touched, their old generations the same size (67 and 49 MB).
     */
    public static final ServiceSpec CAMPAIGN =
            new ServiceSpec("campaign-agent", 8086, "192m", 4, "campaign", "16m", false);

    public static final ServiceSpec FINANCE =
            new ServiceSpec("finance-service", 8087, "256m", 4, "finance", "16m", false);

    public ServiceSpec(String module, int port, String heap, int databasePool, String agentType) {
        this(module, port, heap, databasePool, agentType, null, false);
    }

    public static List<ServiceSpec> all() {
        return List.of(SUPERVISOR, SUPPORT, RECOMMENDATION, AD, INVENTORY, CAMPAIGN, FINANCE, GATEWAY);
    }

    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(
                module, otherPort, heap, databasePool, agentType, maxYoungGeneration, periodicCollection);
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
