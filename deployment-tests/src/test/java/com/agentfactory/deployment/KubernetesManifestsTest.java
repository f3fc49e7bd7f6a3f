package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.deployment.ProjectFiles.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {

    private static List<Manifest> all;
    private static List<Manifest> applied;

    @BeforeAll
    static void load() {
        all = ProjectFiles.allK8sDocuments();
        applied = ProjectFiles.appliedDocuments();
    }

    private static List<Manifest> ofKind(String kind) {
        return applied.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    private static Optional<Manifest> find(String kind, String name) {
        return applied.stream()
                .filter(m -> kind.equals(m.kind()) && name.equals(m.name()))
                .findFirst();
    }

    private static Manifest deployment(ServiceTable service) {
        return find("Deployment", service.name())
                .orElseThrow(() -> new AssertionError("no Deployment " + service.name()));
    }

    @Test
    void everyYamlDocumentUnderK8sHasApiVersionKindAndName() {
        assertThat(all).hasSizeGreaterThan(ServiceTable.SERVICES.size() * 3);
        assertThat(DescriptorRules.identityViolations(all)).isEmpty();
    }

    @Test
    void everyServiceInTheTableHasDeploymentServiceAndCpuAutoscaler() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(find("Deployment", service.name()))
                    .as("Deployment " + service.name())
                    .isPresent();
            assertThat(find("Service", service.name()))
                    .as("Service " + service.name())
                    .isPresent();
            Manifest hpa = find("HorizontalPodAutoscaler", service.name())
                    .orElseThrow(() -> new AssertionError("no HPA " + service.name()));
            assertThat(hpa.doc().get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(Yamls.str(hpa.doc(), "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            assertThat(Yamls.str(hpa.doc(), "spec", "scaleTargetRef", "name")).isEqualTo(service.name());
            assertThat(Yamls.maps(hpa.doc(), "spec", "metrics"))
                    .as("HPA " + service.name() + " scales on CPU at 70%")
                    .anySatisfy(metric -> {
                        assertThat(Yamls.str(metric, "resource", "name")).isEqualTo("cpu");
                        assertThat(Yamls.get(metric, "resource", "target", "averageUtilization"))
                                .isEqualTo(70);
                    });
            assertThat((Integer) Yamls.get(hpa.doc(), "spec", "minReplicas")).isEqualTo(service.replicas());
            assertThat((Integer) Yamls.get(hpa.doc(), "spec", "maxReplicas")).isGreaterThan(service.replicas());
        }
    }

    @Test
    void everyDeploymentDeclaresMemoryAndCpuRequestsAndLimits() {
        assertThat(ofKind("Deployment")).hasSize(ServiceTable.SERVICES.size());
        for (Manifest deployment : ofKind("Deployment")) {
            assertThat(DescriptorRules.resourceViolations(deployment)).isEmpty();
        }
    }

    @Test
    void everyStatefulContainerDeclaresMemoryAndCpuRequestsAndLimits() {
        assertThat(ofKind("StatefulSet")).isNotEmpty();
        for (Manifest statefulSet : ofKind("StatefulSet")) {
            assertThat(DescriptorRules.resourceViolations(statefulSet)).isEmpty();
        }
    }

    @Test
    void everyDeploymentProbesLivenessReadinessAndStartupOnActuatorHealth() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(DescriptorRules.probeViolations(deployment(service))).isEmpty();
        }
    }

    @Test
    void everyDeploymentHeapMatchesTheTableAndFitsBelowItsMemoryLimit() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(DescriptorRules.heapViolations(deployment(service), service))
                    .isEmpty();
        }
    }

    @Test
    void everyDeploymentListensOnItsTablePortAndItsServiceSelectsItsPods() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            Manifest deployment = deployment(service);
            Map<String, Object> container = Yamls.maps(deployment.doc(), "spec", "template", "spec", "containers")
                    .getFirst();
            assertThat(Yamls.maps(container, "ports"))
                    .anySatisfy(port -> assertThat(port.get("containerPort")).isEqualTo(service.port()));
            assertThat(DescriptorRules.envValue(container, "PORT")).isEqualTo(String.valueOf(service.port()));

            Manifest svc = find("Service", service.name()).orElseThrow();
            assertThat(Yamls.maps(svc.doc(), "spec", "ports"))
                    .anySatisfy(port -> assertThat(port.get("port")).isEqualTo(service.port()));
            Map<String, Object> podLabels = Yamls.map(deployment.doc(), "spec", "template", "metadata", "labels");
            assertThat(Yamls.map(svc.doc(), "spec", "selector"))
                    .isNotEmpty()
                    .allSatisfy((key, value) -> assertThat(podLabels).containsEntry(key, value));
            assertThat(Yamls.map(deployment.doc(), "spec", "selector", "matchLabels"))
                    .isNotEmpty()
                    .allSatisfy((key, value) -> assertThat(podLabels).containsEntry(key, value));
        }
    }

    @Test
    void gatewayAndSupervisorRunTwoReplicasProtectedByDisruptionBudgetsAndAgentsOne() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(Yamls.get(deployment(service).doc(), "spec", "replicas"))
                    .as(service.name() + " replicas")
                    .isEqualTo(service.replicas());
        }
        for (String name : List.of(ServiceTable.GATEWAY, ServiceTable.SUPERVISOR)) {
            Manifest pdb = ofKind("PodDisruptionBudget").stream()
                    .filter(p -> name.equals(
                            Yamls.str(p.doc(), "spec", "selector", "matchLabels", "app.kubernetes.io/name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget selecting " + name));
            assertThat(Yamls.get(pdb.doc(), "spec", "minAvailable")).isEqualTo(1);
        }
    }

    @Test
    void everyDeploymentRunsAsNonRootWithReadOnlyRootFilesystemAndEmptyDirTmp() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(DescriptorRules.securityContextViolations(deployment(service)))
                    .isEmpty();
        }
    }

    @Test
    void everyDeploymentIsAnnotatedForPrometheusScrapingOnItsPort() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            Map<String, Object> annotations =
                    Yamls.map(deployment(service).doc(), "spec", "template", "metadata", "annotations");
            assertThat(annotations)
                    .as(service.name())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @Test
    void infrastructureRunsAsStatefulSetsWithHeadlessServicesAndVolumeClaims() {
        for (String name : ServiceTable.INFRASTRUCTURE) {
            Manifest statefulSet =
                    find("StatefulSet", name).orElseThrow(() -> new AssertionError("no StatefulSet " + name));
            String serviceName = Yamls.str(statefulSet.doc(), "spec", "serviceName");
            Manifest headless = find("Service", serviceName)
                    .orElseThrow(() -> new AssertionError("no governing Service " + serviceName));
            assertThat(Yamls.str(headless.doc(), "spec", "clusterIP")).as(name).isEqualTo("None");
            assertThat(Yamls.list(statefulSet.doc(), "spec", "volumeClaimTemplates"))
                    .as(name + " volumeClaimTemplates")
                    .isNotEmpty();
        }
        Manifest kafka = find("StatefulSet", "kafka").orElseThrow();
        assertThat(Yamls.get(kafka.doc(), "spec", "replicas")).isEqualTo(3);
        Map<String, Object> broker = Yamls.maps(kafka.doc(), "spec", "template", "spec", "containers")
                .getFirst();
        assertThat(DescriptorRules.envValue(broker, "KAFKA_PROCESS_ROLES")).contains("controller");
        assertThat(DescriptorRules.envValue(broker, "KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .contains("0@kafka-0.", "1@kafka-1.", "2@kafka-2.");
    }

    @Test
    void everyServiceReadsSharedConfigFromTheConfigMap() {
        Manifest configMap = find("ConfigMap", "agentfactory-config").orElseThrow();
        assertThat(Yamls.map(configMap.doc(), "data"))
                .containsKeys("DATABASE_URL", "DATABASE_USER", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL", "LOG_FORMAT");
        for (ServiceTable service : ServiceTable.SERVICES) {
            Map<String, Object> container = Yamls.maps(
                            deployment(service).doc(), "spec", "template", "spec", "containers")
                    .getFirst();
            assertThat(Yamls.maps(container, "envFrom")).as(service.name()).anySatisfy(from -> assertThat(
                            Yamls.str(from, "configMapRef", "name"))
                    .isEqualTo("agentfactory-config"));
        }
    }

    @Test
    void gatewayIsExposedThroughAnIngressAndRoutesToEveryBackend() {
        List<Manifest> ingresses = ofKind("Ingress");
        assertThat(ingresses).isNotEmpty();
        for (Manifest ingress : ingresses) {
            for (Map<String, Object> rule : Yamls.maps(ingress.doc(), "spec", "rules")) {
                for (Map<String, Object> path : Yamls.maps(rule, "http", "paths")) {
                    assertThat(Yamls.str(path, "backend", "service", "name")).isEqualTo(ServiceTable.GATEWAY);
                }
            }
        }
        Map<String, Object> gateway = Yamls.maps(
                        deployment(ServiceTable.find(ServiceTable.GATEWAY).orElseThrow())
                                .doc(),
                        "spec",
                        "template",
                        "spec",
                        "containers")
                .getFirst();
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
    }
}
