package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.deployment.NetworkPolicyModel.Peer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules reject broken descriptors: proof that the checks on the rendered overlays can fail. */
class DescriptorRulesTest {

    private static final ServiceTable AD_AGENT = ServiceTable.get("ad-agent");

    private static Deployment deployment(String container) {
        return (Deployment)
                RenderedOverlay.parseObjects("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: ad-agent
                        spec:
                          template:
                            spec:
                              containers:
                        """ + container.indent(8)).getFirst();
    }

    @Test
    void containerWithoutCpuLimitIsReported() {
        Deployment noCpuLimit = deployment("""
                - name: ad-agent
                  resources:
                    requests: {memory: 320Mi, cpu: 200m}
                    limits: {memory: 448Mi}
                """);
        assertThat(DescriptorRules.resourceViolations(noCpuLimit))
                .singleElement()
                .asString()
                .contains("limits.cpu");
    }

    @Test
    void probeOutsideActuatorHealthOrMissingIsReported() {
        Deployment wrongProbe = deployment("""
                - name: ad-agent
                  livenessProbe: {httpGet: {path: /, port: http}}
                  readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                """);
        assertThat(DescriptorRules.probeViolations(wrongProbe))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("livenessProbe path is /"))
                .anySatisfy(v -> assertThat(v).contains("startupProbe path is null"));
    }

    @Test
    void heapThatDiffersFromTheServiceOrExceedsTheLimitIsReported() {
        Deployment tooLarge = deployment("""
                - name: ad-agent
                  env:
                    - {name: JAVA_TOOL_OPTIONS, value: "-Xmx512m -XX:MaxMetaspaceSize=128m"}
                  resources:
                    requests: {memory: 320Mi, cpu: 200m}
                    limits: {memory: 448Mi, cpu: "1"}
                """);
        assertThat(DescriptorRules.heapViolations(tooLarge, AD_AGENT))
                .anySatisfy(v -> assertThat(v).contains("-Xmx512m, the service is started with 192m"))
                .anySatisfy(v -> assertThat(v).contains(">= limit 448Mi"));

        Deployment noXmx = deployment("""
                - name: ad-agent
                  env: [{name: JAVA_TOOL_OPTIONS, value: "-XX:+UseSerialGC"}]
                  resources: {requests: {memory: 320Mi}, limits: {memory: 448Mi}}
                """);
        assertThat(DescriptorRules.heapViolations(noXmx, AD_AGENT))
                .anySatisfy(v -> assertThat(v).contains("no -Xmx"));
    }

    @Test
    void writableRootFilesystemAndRootUserAreReported() {
        Deployment writable = deployment("""
                - name: ad-agent
                  securityContext: {allowPrivilegeEscalation: false}
                """);
        assertThat(DescriptorRules.securityContextViolations(writable))
                .anySatisfy(v -> assertThat(v).contains("runAsNonRoot"))
                .anySatisfy(v -> assertThat(v).contains("readOnlyRootFilesystem"))
                .anySatisfy(v -> assertThat(v).contains("/tmp"));
    }

    @Test
    void secretWithLiteralDataAndSecretReferenceToAnotherSecretAreReported() {
        List<HasMetadata> objects = RenderedOverlay.parseObjects("""
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked}
                stringData: {JWT_SIGNING_KEY: hunter2}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway-service}
                spec:
                  template:
                    spec:
                      containers:
                        - name: gateway-service
                          env:
                            - {name: DATABASE_PASSWORD, value: hunter2}
                            - name: JWT_SIGNING_KEY
                              valueFrom: {secretKeyRef: {name: other-secret, key: JWT}}
                            - name: ADMIN_PASSWORD
                              valueFrom: {secretKeyRef: {name: agentfactory-secrets, key: ADMIN_PASS}}
                """);
        assertThat(DescriptorRules.literalSecretViolations(objects)).hasSize(2);
        assertThat(DescriptorRules.secretReferenceViolations(
                        objects, Map.of("agentfactory-secrets", Set.of("ADMIN_PASSWORD"))))
                .containsExactlyInAnyOrder(
                        "Deployment/gateway-service: JWT_SIGNING_KEY refers to secret other-secret",
                        "Deployment/gateway-service: secret key ADMIN_PASS of agentfactory-secrets is not documented");
    }

    @Test
    void policiesAreEvaluatedLikeKubernetesDoes() {
        List<HasMetadata> objects = RenderedOverlay.parseObjects("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ad-agent}
                spec:
                  template:
                    metadata: {labels: {app: ad-agent, tier: agent}}
                    spec: {containers: [{name: ad-agent, ports: [{name: http, containerPort: 8084}]}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: support-agent}
                spec:
                  template:
                    metadata: {labels: {app: support-agent, tier: agent}}
                    spec: {containers: [{name: support-agent}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: too-open}
                spec:
                  podSelector:
                    matchExpressions: [{key: app, operator: In, values: [ad-agent]}]
                  policyTypes: [Ingress]
                  ingress:
                    - from: [{namespaceSelector: {}}]
                      ports: [{port: http}]
                """);
        NetworkPolicyModel model = new NetworkPolicyModel("shop", objects, Map.of());
        Peer elsewhere = Peer.pod("elsewhere", "other", Map.of());
        Peer internet = Peer.outsideTheCluster("internet");
        List<Peer> candidates = List.of(elsewhere, internet, Peer.pod("support-agent", "shop", Map.of("app", "x")));
        assertThat(model.hasDefaultDenyIngress()).isFalse();
        assertThat(model.admitted("ad-agent", 8084, candidates))
                .as("any namespace, named port resolved")
                .containsExactlyInAnyOrder("elsewhere", "support-agent");
        assertThat(model.admitted("ad-agent", 9999, candidates))
                .as("other port")
                .isEmpty();
        assertThat(model.admitted("support-agent", 8082, candidates))
                .as("no policy selects it: not isolated")
                .containsExactlyInAnyOrder("elsewhere", "internet", "support-agent");
    }

    @Test
    void composeLiteralSecretMissingHealthcheckAndExtraPublishedPortAreReported() {
        Map<String, Object> compose = ProjectFiles.parseAll("""
                        services:
                          gateway-service:
                            environment: {JWT_SIGNING_KEY: not-a-reference}
                            mem_limit: 512m
                            ports: ["8080:8080"]
                          postgres:
                            environment: ["DATABASE_PASSWORD=${DATABASE_PASSWORD:?set it}"]
                            ports: ["5432:5432"]
                            healthcheck: {test: ["CMD", "pg_isready"]}
                        """).getFirst();
        assertThat(DescriptorRules.composeServiceViolations(compose))
                .containsExactlyInAnyOrder(
                        "gateway-service: no healthcheck",
                        "gateway-service: JWT_SIGNING_KEY is a literal, not a ${...} reference",
                        "postgres: no mem_limit");
        assertThat(DescriptorRules.composePublishedPortViolations(compose, "gateway-service"))
                .containsExactly("postgres publishes ports [5432:5432]");
        Map<String, Object> loopbackOnly = ProjectFiles.parseAll("""
                        services:
                          gateway-service: {ports: ["8080:8080"]}
                          mail: {ports: ["127.0.0.1:8025:8025"]}
                        """).getFirst();
        assertThat(DescriptorRules.composePublishedPortViolations(loopbackOnly, "gateway-service"))
                .isEmpty();
        assertThat(DescriptorRules.isEnvironmentReference("${JWT_SIGNING_KEY:?set JWT_SIGNING_KEY}"))
                .isTrue();
        assertThat(DescriptorRules.isEnvironmentReference("abc${JWT_SIGNING_KEY}"))
                .isFalse();
    }

    @Test
    void dockerfileRunningAsRootWithoutServiceArgIsReported() {
        assertThat(DescriptorRules.dockerfileViolations("""
                        FROM eclipse-temurin:25-jre
                        COPY app.jar /app.jar
                        USER root
                        ENTRYPOINT ["java", "-jar", "/app.jar"]
                        """))
                .containsExactlyInAnyOrder(
                        "the final USER is root",
                        "no ARG SERVICE",
                        "the build does not select the module named by SERVICE (-pl ${SERVICE})");
    }

    @Test
    void gatewayThatTakesTheIngressAsTheClientOrTrustsTheClientsForwardedEntriesIsReported() {
        Deployment noTrustedProxy = deployment("""
                - name: gateway-service
                  env: [{name: PORT, value: "8080"}]
                """);
        assertThat(DescriptorRules.clientAddressViolations(noTrustedProxy))
                .singleElement()
                .asString()
                .contains("TRUSTED_PROXY_HOPS is null");
        Deployment springStrategy = deployment("""
                - name: gateway-service
                  env:
                    - {name: TRUSTED_PROXY_HOPS, value: "1"}
                    - {name: SERVER_FORWARD_HEADERS_STRATEGY, value: NATIVE}
                """);
        assertThat(DescriptorRules.clientAddressViolations(springStrategy))
                .singleElement()
                .asString()
                .contains("SERVER_FORWARD_HEADERS_STRATEGY is set");
    }

    @Test
    void memoryQuantitiesAreReadInMebibytes() {
        assertThat(DescriptorRules.mebibytes("448Mi")).isEqualTo(448);
        assertThat(DescriptorRules.mebibytes("1Gi")).isEqualTo(1024);
        assertThat(DescriptorRules.mebibytes("768m")).isEqualTo(768);
        assertThat(DescriptorRules.mebibytes("lots")).isEqualTo(-1);
    }
}
