package com.agentfactory.infra.platform;

import java.util.List;

/** A platform service as it is started locally: module, port and heap (the same heaps as the k8s manifests). */
public record ServiceSpec(String module, int port, String heap) {

    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", 8080, "256m");
    public static final ServiceSpec SUPERVISOR = new ServiceSpec("supervisor-agent", 8081, "384m");
    public static final ServiceSpec SUPPORT = new ServiceSpec("support-agent", 8082, "384m");
    public static final ServiceSpec RECOMMENDATION = new ServiceSpec("recommendation-agent", 8083, "256m");
    public static final ServiceSpec AD = new ServiceSpec("ad-agent", 8084, "192m");
    public static final ServiceSpec INVENTORY = new ServiceSpec("inventory-agent", 8085, "192m");
    public static final ServiceSpec CAMPAIGN = new ServiceSpec("campaign-agent", 8086, "192m");
    public static final ServiceSpec FINANCE = new ServiceSpec("finance-service", 8087, "256m");

    public static List<ServiceSpec> all() {
        return List.of(SUPERVISOR, SUPPORT, RECOMMENDATION, AD, INVENTORY, CAMPAIGN, FINANCE, GATEWAY);
    }

    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(module, otherPort, heap);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
