package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.platform.PlatformLauncher;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadsTest {

    static final String GATEWAY_MANAGEMENT_PORT = "management";

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceRunsAsOneDeploymentWithAService(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(
                        ServiceTable.SERVICES.stream().map(ServiceTable::name).toList());
        for (ServiceTable service : ServiceTable.SERVICES) {
            Deployment deployment = rendered.deployment(service.name());
            Container container = DescriptorRules.mainContainer(deployment);
            assertThat(container.getPorts())
                    .anySatisfy(port -> assertThat(port.getContainerPort()).isEqualTo(service.port()));
            assertThat(DescriptorRules.envValue(container, "PORT")).isEqualTo(String.valueOf(service.port()));

            Service svc = rendered.get(Service.class, service.name());
            assertThat(svc.getSpec().getPorts())
                    .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(service.port()));
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(svc.getSpec().getSelector()).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnActuatorHealth(Overlay overlay) {
        for (Deployment deployment : RenderedOverlay.of(overlay).all(Deployment.class)) {
            assertThat(DescriptorRules.probeViolations(deployment)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadRequestsAndLimitsMemoryAndCpu(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(StatefulSet.class)).isNotEmpty();
        for (var workload : rendered.all(Deployment.class)) {
            assertThat(DescriptorRules.resourceViolations(workload)).isEmpty();
        }
        for (var workload : rendered.all(StatefulSet.class)) {
            assertThat(DescriptorRules.resourceViolations(workload)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHeapIsTheServicesHeapAndFitsBelowItsMemoryLimit(Overlay overlay) {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(DescriptorRules.heapViolations(
                            RenderedOverlay.of(overlay).deployment(service.name()), service))
                    .isEmpty();
        }
    }

    /** The options that keep a service's memory to what it uses, as the local run starts it (docs/benchmarks.md). */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentStartsItsHeapSmallAndGivesFreeMemoryBackAsTheLocalRunDoes(Overlay overlay) {
        List<String> memoryOptions = PlatformLauncher.jvmOptions("0m").stream()
                .filter(option -> option.startsWith("-Xms")
                        || option.contains("HeapFreeRatio")
                        || option.equals("-XX:-ShrinkHeapInSteps")
                        || option.startsWith("-XX:TrimNativeHeapInterval"))
                .toList();
        assertThat(memoryOptions).hasSize(5);
        for (ServiceTable service : ServiceTable.SERVICES) {
            Container container = RenderedOverlay.of(overlay)
                    .deployment(service.name())
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            assertThat(List.of(DescriptorRules.envValue(container, "JAVA_TOOL_OPTIONS")
                            .split(" ")))
                    .as(service.name())
                    .containsAll(memoryOptions);
            assertThat(DescriptorRules.ownMemoryOptions(DescriptorRules.envValue(container, "JAVA_TOOL_OPTIONS")))
                    .as(service.name() + " collector and young generation")
                    .isEqualTo(DescriptorRules.ownMemoryOptions(
                            String.join(" ", PlatformLauncher.jvmOptions(service.spec()))));
            PlatformLauncher.NATIVE_MEMORY_ENVIRONMENT.forEach(
                    (name, value) -> assertThat(DescriptorRules.envValue(container, name))
                            .as(service.name() + " " + name)
                            .isEqualTo(value));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasTheServicesDatabasePoolAndAllStayUnder40Connections(Overlay overlay) {
        int total = 0;
        for (ServiceTable service : ServiceTable.SERVICES) {
            Deployment deployment = RenderedOverlay.of(overlay).deployment(service.name());
            String pool = DescriptorRules.envValue(
                    deployment.getSpec().getTemplate().getSpec().getContainers().getFirst(), "DATABASE_POOL_SIZE");
            assertThat(pool)
                    .as(service.name())
                    .isEqualTo(String.valueOf(service.spec().databasePool()));
            total += service.spec().databasePool();
        }
        assertThat(total).as("connections of one replica of every service").isLessThan(40);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyWorkloadRunsAsNonRootWithAReadOnlyRootFilesystem(Overlay overlay) {
        for (Deployment deployment : RenderedOverlay.of(overlay).all(Deployment.class)) {
            assertThat(DescriptorRules.securityContextViolations(deployment)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentIsAnnotatedForPrometheusScrapingOnItsPort(Overlay overlay) {
        for (ServiceTable service : ServiceTable.SERVICES) {
            Deployment deployment = RenderedOverlay.of(overlay).deployment(service.name());
            Map<String, String> annotations =
                    deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            // the gateway's public port asks every caller for a token; its actuator has a port of its own
            int scrapePort = service.name().equals(ServiceTable.GATEWAY)
                    ? NetworkPolicyModel.containerPort(deployment, GATEWAY_MANAGEMENT_PORT)
                    : service.port();
            assertThat(annotations)
                    .as(service.name())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(scrapePort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayServesItsActuatorOnAManagementPortThatItsServiceDoesNotPublish(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Deployment gateway = rendered.deployment(ServiceTable.GATEWAY);
        Container container = DescriptorRules.mainContainer(gateway);
        int managementPort = NetworkPolicyModel.containerPort(gateway, GATEWAY_MANAGEMENT_PORT);

        assertThat(managementPort)
                .isNotEqualTo(ServiceTable.get(ServiceTable.GATEWAY).port());
        assertThat(DescriptorRules.envValue(container, "MANAGEMENT_PORT")).isEqualTo(String.valueOf(managementPort));
        for (var probe :
                List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            var port = probe.getHttpGet().getPort();
            assertThat(port.getIntVal() == null ? port.getStrVal() : String.valueOf(port.getIntVal()))
                    .isIn(GATEWAY_MANAGEMENT_PORT, String.valueOf(managementPort));
        }
        assertThat(rendered.get(Service.class, ServiceTable.GATEWAY).getSpec().getPorts())
                .allSatisfy(port -> {
                    assertThat(port.getPort()).isNotEqualTo(managementPort);
                    var target = port.getTargetPort();
                    assertThat(target.getIntVal() == null ? target.getStrVal() : String.valueOf(target.getIntVal()))
                            .isNotIn(GATEWAY_MANAGEMENT_PORT, String.valueOf(managementPort));
                });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceReadsSharedSettingsFromTheConfigMap(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        ConfigMap config = rendered.get(ConfigMap.class, "agentfactory-config");
        assertThat(config.getData())
                .containsKeys("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL", "LOG_FORMAT", "SMTP_HOST");
        for (Deployment deployment : rendered.all(Deployment.class)) {
            assertThat(DescriptorRules.mainContainer(deployment).getEnvFrom())
                    .as(DescriptorRules.describe(deployment))
                    .anySatisfy(
                            from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("agentfactory-config"));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesFindTheServicesTheyCall(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Container gateway = DescriptorRules.mainContainer(rendered.deployment(ServiceTable.GATEWAY));
        for (ServiceTable backend : ServiceTable.SERVICES) {
            if (backend.name().equals(ServiceTable.GATEWAY)) {
                continue;
            }
            String variable =
                    backend.name().replace("-agent", "").replace("-service", "").toUpperCase() + "_URL";
            assertThat(DescriptorRules.envValue(gateway, variable))
                    .as(variable)
                    .isEqualTo("http://" + backend.name() + ":" + backend.port());
        }
        ServiceTable finance = ServiceTable.get(ServiceTable.FINANCE);
        assertThat(DescriptorRules.envValue(
                        DescriptorRules.mainContainer(rendered.deployment(ServiceTable.INVENTORY_AGENT)),
                        "FINANCE_URL"))
                .isEqualTo("http://" + finance.name() + ":" + finance.port());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayTakesTheClientFromTheIngresssForwardedForEntry(Overlay overlay) {
        assertThat(DescriptorRules.clientAddressViolations(
                        RenderedOverlay.of(overlay).deployment(ServiceTable.GATEWAY)))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theIngressSendsTheOpenRtbAndInboundSmsPathsToTheirAgentsAndEverythingElseToTheGateway(Overlay overlay) {
        List<HTTPIngressPath> paths = RenderedOverlay.of(overlay).all(Ingress.class).stream()
                .flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .toList();
        // the inbound SMS route is Exact: a prefix would let every other campaign path past the gateway
        assertThat(paths)
                .extracting(p -> p.getPath() + " (" + p.getPathType() + ") -> "
                        + p.getBackend().getService().getName() + ":"
                        + p.getBackend().getService().getPort().getName())
                .containsExactlyInAnyOrder(
                        "/api/v1/ads/openrtb (Prefix) -> " + ServiceTable.AD_AGENT + ":http",
                        "/api/v1/campaigns/sms/inbound (Exact) -> " + ServiceTable.CAMPAIGN_AGENT + ":http",
                        "/ (Prefix) -> " + ServiceTable.GATEWAY + ":http");
    }
}
