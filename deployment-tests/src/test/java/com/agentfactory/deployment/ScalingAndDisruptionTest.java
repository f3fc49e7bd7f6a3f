package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScalingAndDisruptionTest {

    private static final RenderedOverlay DEV = RenderedOverlay.of(Overlay.DEV);
    private static final RenderedOverlay PROD = RenderedOverlay.of(Overlay.PROD);

    private static int replicas(RenderedOverlay overlay, String name) {
        return overlay.deployment(name).getSpec().getReplicas();
    }

    private static Quantity request(RenderedOverlay overlay, String name, String resource) {
        return DescriptorRules.mainContainer(overlay.deployment(name))
                .getResources()
                .getRequests()
                .get(resource);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasACpuAutoscalerStartingAtItsReplicaCount(Overlay overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            HorizontalPodAutoscaler hpa = rendered.get(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMetrics()).as(name).anySatisfy(metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getAverageUtilization())
                        .isEqualTo(70);
            });
            assertThat(hpa.getSpec().getMinReplicas())
                    .as(name)
                    .isEqualTo(deployment.getSpec().getReplicas());
            assertThat(hpa.getSpec().getMaxReplicas())
                    .as(name)
                    .isGreaterThan(hpa.getSpec().getMinReplicas());
        }
    }

    @Test
    void devRunsOneReplicaOfEveryServiceAndProdSeveral() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            assertThat(replicas(DEV, service.name()))
                    .as("dev " + service.name())
                    .isEqualTo(1);
            assertThat(replicas(PROD, service.name()))
                    .as("prod " + service.name())
                    .isEqualTo(service.prodReplicas())
                    .isGreaterThan(1);
        }
    }

    @Test
    void devRequestsLessCpuAndMemoryThanProdWithTheSameLimits() {
        for (ServiceTable service : ServiceTable.SERVICES) {
            String name = service.name();
            assertThat(Quantity.getAmountInBytes(request(DEV, name, "cpu")))
                    .as("cpu " + name)
                    .isLessThan(Quantity.getAmountInBytes(request(PROD, name, "cpu")));
            assertThat(Quantity.getAmountInBytes(request(DEV, name, "memory")))
                    .as("memory " + name)
                    .isLessThan(Quantity.getAmountInBytes(request(PROD, name, "memory")));
            assertThat(DescriptorRules.mainContainer(DEV.deployment(name))
                            .getResources()
                            .getLimits())
                    .isEqualTo(DescriptorRules.mainContainer(PROD.deployment(name))
                            .getResources()
                            .getLimits());
        }
    }

    @Test
    void inProdEveryDeploymentKeepsPodsAvailableThroughDisruptions() {
        for (Deployment deployment : PROD.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = PROD.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> NetworkPolicyModel.selects(pdb.getSpec().getSelector(), podLabels))
                    .toList();
            assertThat(budgets).as("PodDisruptionBudget of " + name).hasSize(1);
            PodDisruptionBudget budget = budgets.getFirst();
            assertThat(budget.getSpec().getMinAvailable()).as(name).isNotNull();
            int minAvailable = budget.getSpec().getMinAvailable().getIntVal();
            assertThat(minAvailable)
                    .as(name + ": at least one pod stays, and a node can still be drained")
                    .isBetween(1, deployment.getSpec().getReplicas() - 1);
        }
    }

    @Test
    void devHasNoDisruptionBudgetsThatWouldBlockDrainingItsSingleReplicas() {
        assertThat(DEV.all(PodDisruptionBudget.class)).isEmpty();
    }

    @Test
    void inProdReplicasAreSpreadOverNodes() {
        for (Deployment deployment : PROD.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            boolean spreadOverNodes = pod.getTopologySpreadConstraints() != null
                    && pod.getTopologySpreadConstraints().stream()
                            .anyMatch(c -> c.getTopologyKey().equals("kubernetes.io/hostname")
                                    && NetworkPolicyModel.selects(
                                            c.getLabelSelector(),
                                            deployment
                                                    .getSpec()
                                                    .getTemplate()
                                                    .getMetadata()
                                                    .getLabels()));
            boolean antiAffinity =
                    pod.getAffinity() != null && pod.getAffinity().getPodAntiAffinity() != null;
            assertThat(spreadOverNodes || antiAffinity)
                    .as(DescriptorRules.describe(deployment))
                    .isTrue();
        }
    }
}
