package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Services other than the gateway listen on loopback unless deployed: run locally, a service port cannot be reached
 * from another machine at all; in a container or pod the deployment opens it and the network policies decide.
 */
class ServiceBindingTest {

    @Test
    void everyServiceBindsToLoopbackUnlessTheDeploymentSaysOtherwise() {
        for (ServiceTable table : ServiceTable.SERVICES) {
            String module = table.spec().module();
            if (module.equals(ServiceTable.GATEWAY)) {
                continue;
            }
            var config = ProjectFiles.parseAll(ProjectFiles.read(
                            ProjectFiles.root().resolve(module).resolve("src/main/resources/application.yml")))
                    .getFirst();
            assertThat(Yamls.str(config, "server", "address"))
                    .as(module + " server.address")
                    .isEqualTo("${SERVER_ADDRESS:127.0.0.1}");
        }
    }

    @Test
    void containersOpenTheirPortToTheirNetwork() {
        assertThat(Yamls.str(ProjectFiles.compose(), "x-service-env", "SERVER_ADDRESS"))
                .isEqualTo("0.0.0.0");
        var configMap = ProjectFiles.parseAll(
                        ProjectFiles.read(ProjectFiles.k8sDir().resolve("base/configmap.yaml")))
                .getFirst();
        assertThat(Yamls.str(configMap, "data", "SERVER_ADDRESS")).isEqualTo("0.0.0.0");
    }
}
