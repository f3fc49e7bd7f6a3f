package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkPoliciesTest {

    private static NetworkPolicyModel model;

    @BeforeAll
    static void load() {
        model = new NetworkPolicyModel(ProjectFiles.appliedDocuments());
    }

    @Test
    void namespaceDeniesIngressByDefault() {
        assertThat(model.hasDefaultDenyIngress()).isTrue();
    }

    @Test
    void onlyTheGatewayAcceptsTrafficFromOutsideTheNamespace() {
        List<String> externallyReachable = new ArrayList<>();
        for (String workload : model.workloads()) {
            if (model.acceptsTrafficFromOutsideNamespace(workload)) {
                externallyReachable.add(workload);
            }
        }
        assertThat(externallyReachable).containsExactly(ServiceTable.GATEWAY);
    }

    @Test
    void agentsAcceptTrafficOnlyFromGatewayAndSupervisor() {
        for (String agent : ServiceTable.AGENTS) {
            assertThat(model.workloads()).contains(agent);
            assertThat(model.allowedSources(agent))
                    .as(agent)
                    .containsExactlyInAnyOrder(ServiceTable.GATEWAY, ServiceTable.SUPERVISOR);
        }
    }

    @Test
    void gatewayCanReachEveryBackendService() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            if (!service.name().equals(ServiceTable.GATEWAY)) {
                assertThat(model.allowedSources(service.name()))
                        .as(service.name())
                        .contains(ServiceTable.GATEWAY);
            }
        }
    }

    @Test
    void everyServiceCanReachPostgresKafkaAndRedisButNothingElseCan() {
        Set<String> services = new java.util.TreeSet<>();
        ServiceTable.SERVICES.forEach(s -> services.add(s.name()));
        for (String infrastructure : ServiceTable.INFRASTRUCTURE) {
            Set<String> sources = new java.util.TreeSet<>(model.allowedSources(infrastructure));
            sources.remove(infrastructure); // Kafka brokers talk to each other
            assertThat(sources).as(infrastructure).isEqualTo(services);
        }
    }
}
