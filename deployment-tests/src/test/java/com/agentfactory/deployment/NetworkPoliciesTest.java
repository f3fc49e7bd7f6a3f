package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.deployment.NetworkPolicyModel.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkPoliciesTest {

    static final String NAMESPACE = "agentfactory";
    static final String KAFKA_BROKER = "kafka-broker";
    static final String POSTGRES_INSTANCE = "postgres-instance";

    /** The pods the operators create (not in the rendered output), with the labels they give them. */
    static final Map<String, Map<String, String>> OPERATOR_PODS = Map.of(
            KAFKA_BROKER, Map.of("strimzi.io/cluster", "agentfactory", "strimzi.io/kind", "Kafka"),
            POSTGRES_INSTANCE, Map.of("cnpg.io/cluster", "postgres"));

    static final Peer INGRESS_CONTROLLER =
            Peer.pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Peer PROMETHEUS = Peer.pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    static final Peer GRAFANA = Peer.pod("grafana", "monitoring", Map.of("app.kubernetes.io/name", "grafana"));
    static final Peer CNPG_OPERATOR =
            Peer.pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    static final Peer OTHER_NAMESPACE = Peer.pod("pod-in-default", "default", Map.of("app", "debug"));
    static final Peer INTERNET = Peer.outsideTheCluster("internet");

    private static NetworkPolicyModel model(Overlay overlay) {
        return new NetworkPolicyModel(NAMESPACE, RenderedOverlay.of(overlay).objects(), OPERATOR_PODS);
    }

    /** Every pod of the namespace and a sample of clients from elsewhere. */
    private static List<Peer> everyone(NetworkPolicyModel model) {
        List<Peer> peers = new ArrayList<>(model.namespacePods());
        peers.addAll(List.of(INGRESS_CONTROLLER, PROMETHEUS, GRAFANA, CNPG_OPERATOR, OTHER_NAMESPACE, INTERNET));
        return peers;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void namespaceDeniesIngressByDefault(Overlay overlay) {
        assertThat(model(overlay).hasDefaultDenyIngress()).isTrue();
    }

    /**
     * Service ports admit the gateway and Prometheus. Exceptions: the gateway admits the ingress controller and
     * the services instead of itself (they fetch its token key set, and the agents that call finance their client
     * tokens) and not Prometheus, which scrapes its management port; the ad agent also admits the ingress controller
     * (its OpenRTB endpoint faces the ad exchanges), and so does the campaign agent (its inbound SMS endpoint faces the
     * SMS providers); finance also admits the inventory and ad agents (budget reservations over HTTP).
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServicePortAdmitsOnlyTheGatewayAndPrometheus(Overlay overlay) {
        NetworkPolicyModel model = model(overlay);
        for (ServiceTable service : ServiceTable.SERVICES) {
            Set<String> expected = new TreeSet<>(Set.of(PROMETHEUS.name()));
            switch (service.name()) {
                case ServiceTable.GATEWAY -> {
                    expected.remove(PROMETHEUS.name());
                    expected.add(INGRESS_CONTROLLER.name());
                    ServiceTable.SERVICES.stream()
                            .map(ServiceTable::name)
                            .filter(name -> !name.equals(ServiceTable.GATEWAY))
                            .forEach(expected::add);
                }
                case ServiceTable.AD_AGENT, ServiceTable.CAMPAIGN_AGENT ->
                    expected.addAll(Set.of(ServiceTable.GATEWAY, INGRESS_CONTROLLER.name()));
                case ServiceTable.FINANCE ->
                    expected.addAll(Set.of(ServiceTable.GATEWAY, ServiceTable.INVENTORY_AGENT, ServiceTable.AD_AGENT));
                case ServiceTable.RECOMMENDATION_AGENT ->
                    expected.addAll(Set.of(ServiceTable.GATEWAY, ServiceTable.CAMPAIGN_AGENT));
                default -> expected.add(ServiceTable.GATEWAY);
            }
            assertThat(model.admitted(service.name(), service.port(), everyone(model)))
                    .as(overlay + ": clients admitted to " + service.name() + ":" + service.port())
                    .isEqualTo(expected);
        }
    }

    /** The gateway's actuator answers there without a token: nothing but Prometheus may reach it. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewaysManagementPortAdmitsPrometheusOnly(Overlay overlay) {
        NetworkPolicyModel model = model(overlay);
        int managementPort = NetworkPolicyModel.containerPort(
                RenderedOverlay.of(overlay).deployment(ServiceTable.GATEWAY), WorkloadsTest.GATEWAY_MANAGEMENT_PORT);

        assertThat(model.admitted(ServiceTable.GATEWAY, managementPort, everyone(model)))
                .containsExactly(PROMETHEUS.name());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theOpenRtbExceptionIsExplainedWhereItIsDeclared(Overlay overlay) {
        String policies = ProjectFiles.read(ProjectFiles.k8sDir().resolve("base/network-policies.yaml"));
        assertThat(policies).contains("/api/v1/ads/openrtb/**").contains("ingress controller");
        assertThat(model(overlay).admitted(ServiceTable.AD_AGENT, 8084, List.of(INGRESS_CONTROLLER, INTERNET)))
                .containsExactly(INGRESS_CONTROLLER.name());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theInboundSmsExceptionIsExplainedWhereItIsDeclared(Overlay overlay) {
        String policies = ProjectFiles.read(ProjectFiles.k8sDir().resolve("base/network-policies.yaml"));
        assertThat(policies).contains("/api/v1/campaigns/sms/inbound").contains("SMS providers");
        int port = ServiceTable.get(ServiceTable.CAMPAIGN_AGENT).port();
        assertThat(model(overlay).admitted(ServiceTable.CAMPAIGN_AGENT, port, List.of(INGRESS_CONTROLLER, INTERNET)))
                .containsExactly(INGRESS_CONTROLLER.name());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void postgresAdmitsTheServicesItsOperatorAndItsOwnInstancesOnly(Overlay overlay) {
        NetworkPolicyModel model = model(overlay);
        Set<String> expected = new TreeSet<>();
        ServiceTable.SERVICES.forEach(s -> expected.add(s.name()));
        expected.addAll(Set.of(CNPG_OPERATOR.name(), POSTGRES_INSTANCE));
        assertThat(model.admitted(POSTGRES_INSTANCE, 5432, everyone(model))).isEqualTo(expected);
        assertThat(model.admitted(POSTGRES_INSTANCE, 8000, everyone(model)))
                .as("the instance manager's status port")
                .containsExactly(CNPG_OPERATOR.name());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void redisAdmitsTheGatewayAndTheRecommendationAgentOnly(Overlay overlay) {
        NetworkPolicyModel model = model(overlay);
        assertThat(model.admitted("redis", 6379, everyone(model)))
                .containsExactlyInAnyOrder(ServiceTable.GATEWAY, "recommendation-agent");
    }
}
