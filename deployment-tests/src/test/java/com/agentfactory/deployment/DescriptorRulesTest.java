package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.deployment.ProjectFiles.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules reject broken descriptors: proof that the checks on the real files can fail. */
class DescriptorRulesTest {

    private static final ServiceTable AD_AGENT = ServiceTable.find("ad-agent").orElseThrow();

    private static List<Manifest> parse(String yaml) {
        return ProjectFiles.parseAll(yaml).stream()
                .map(doc -> new Manifest(Path.of("sample.yaml"), doc))
                .toList();
    }

    private static Manifest deployment(String container) {
        return parse("""
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
    void documentWithoutNameIsReported() {
        assertThat(DescriptorRules.identityViolations(parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n")))
                .containsExactly("sample.yaml: document without metadata.name");
    }

    @Test
    void containerWithoutCpuLimitIsReported() {
        Manifest noCpuLimit = deployment("""
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
    void probeOutsideActuatorHealthIsReported() {
        Manifest wrongProbe = deployment("""
                - name: ad-agent
                  livenessProbe: {httpGet: {path: /, port: http}}
                  readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                  startupProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
                """);
        assertThat(DescriptorRules.probeViolations(wrongProbe))
                .singleElement()
                .asString()
                .contains("livenessProbe");
    }

    @Test
    void heapThatDiffersFromTheTableOrExceedsTheLimitIsReported() {
        Manifest tooLarge = deployment("""
                - name: ad-agent
                  env:
                    - {name: JAVA_TOOL_OPTIONS, value: "-Xmx512m -XX:MaxMetaspaceSize=128m"}
                  resources:
                    requests: {memory: 320Mi, cpu: 200m}
                    limits: {memory: 448Mi, cpu: "1"}
                """);
        assertThat(DescriptorRules.heapViolations(tooLarge, AD_AGENT))
                .anySatisfy(v -> assertThat(v).contains("-Xmx512m, table says 192m"))
                .anySatisfy(v -> assertThat(v).contains(">= limit 448Mi"));

        Manifest noXmx = deployment("""
                - name: ad-agent
                  env: [{name: JAVA_TOOL_OPTIONS, value: "-XX:+UseSerialGC"}]
                  resources: {requests: {memory: 320Mi}, limits: {memory: 448Mi}}
                """);
        assertThat(DescriptorRules.heapViolations(noXmx, AD_AGENT))
                .anySatisfy(v -> assertThat(v).contains("no -Xmx"));
    }

    @Test
    void writableRootFilesystemIsReported() {
        Manifest writable = deployment("""
                - name: ad-agent
                  securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
                """);
        assertThat(DescriptorRules.securityContextViolations(writable))
                .anySatisfy(v -> assertThat(v).contains("readOnlyRootFilesystem"))
                .anySatisfy(v -> assertThat(v).contains("/tmp"));
    }

    @Test
    void secretWithLiteralDataAndSecretReferenceToAnotherSecretAreReported() {
        List<Manifest> docs = parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked}
                stringData: {JWT_SECRET: hunter2}
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
                            - name: JWT_SECRET
                              valueFrom: {secretKeyRef: {name: other-secret, key: JWT}}
                """);
        assertThat(DescriptorRules.literalSecretViolations(docs)).hasSize(2);
        assertThat(DescriptorRules.secretReferenceViolations(docs, "agentfactory-secrets", Set.of("JWT_SECRET")))
                .anySatisfy(v -> assertThat(v).contains("refers to secret other-secret"))
                .anySatisfy(v -> assertThat(v).contains("secret key JWT is not documented"));
    }

    @Test
    void agentReachableFromAnotherNamespaceIsDetected() {
        List<Manifest> docs = parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ad-agent}
                spec: {template: {metadata: {labels: {app: ad-agent}}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: support-agent}
                spec: {template: {metadata: {labels: {app: support-agent}}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: too-open}
                spec:
                  podSelector: {matchLabels: {app: ad-agent}}
                  policyTypes: [Ingress]
                  ingress:
                    - from: [{namespaceSelector: {}}]
                """);
        NetworkPolicyModel model = new NetworkPolicyModel(docs);
        assertThat(model.hasDefaultDenyIngress()).isFalse();
        assertThat(model.acceptsTrafficFromOutsideNamespace("ad-agent")).isTrue();
        assertThat(model.acceptsTrafficFromOutsideNamespace("support-agent"))
                .as("no policy selects it: not isolated")
                .isTrue();
        assertThat(model.allowedSources("support-agent")).contains("ad-agent");
    }

    @Test
    void composeLiteralSecretMissingHealthcheckAndExtraPublishedPortAreReported() {
        Map<String, Object> compose = ProjectFiles.parseAll("""
                        services:
                          gateway-service:
                            environment: {JWT_SECRET: not-a-reference}
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
                        "gateway-service: JWT_SECRET is a literal, not a ${...} reference",
                        "postgres: no mem_limit");
        assertThat(DescriptorRules.composePublishedPortViolations(compose, "gateway-service"))
                .containsExactly("postgres publishes ports [5432:5432]");
        assertThat(DescriptorRules.isEnvironmentReference("${JWT_SECRET:?set JWT_SECRET}"))
                .isTrue();
        assertThat(DescriptorRules.isEnvironmentReference("abc${JWT_SECRET}")).isFalse();
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
    void memoryQuantitiesAreReadInMebibytes() {
        assertThat(DescriptorRules.mebibytes("448Mi")).isEqualTo(448);
        assertThat(DescriptorRules.mebibytes("1Gi")).isEqualTo(1024);
        assertThat(DescriptorRules.mebibytes("768m")).isEqualTo(768);
        assertThat(DescriptorRules.mebibytes("lots")).isEqualTo(-1);
    }
}
