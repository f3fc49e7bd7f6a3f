package com.agentfactory.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.platform.PlatformLauncher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerComposeTest {

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() {
        compose = ProjectFiles.compose();
        services = Yamls.map(compose, "services");
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("compose services").containsKey(name);
        return Yamls.map(services, name);
    }

    @Test
    void everyComposeServiceHasAHealthcheckAndAMemoryLimit() {
        assertThat(services).hasSize(ServiceTable.SERVICES.size() + ServiceTable.COMPOSE_INFRASTRUCTURE.size());
        assertThat(DescriptorRules.composeServiceViolations(compose)).isEmpty();
    }

    @Test
    void infrastructureServicesUseTheAgreedImages() {
        assertThat(Yamls.str(service("postgres"), "image")).isEqualTo("postgres:17");
        assertThat(Yamls.str(service("kafka"), "image")).isEqualTo("apache/kafka:4.1.0");
        assertThat(Yamls.str(service("redis"), "image")).startsWith("redis:7");
        assertThat(Yamls.str(service("kafka"), "environment", "KAFKA_PROCESS_ROLES"))
                .isEqualTo("broker,controller");
        assertThat(Yamls.list(service("postgres"), "configs"))
                .as("postgres init script")
                .anySatisfy(
                        config -> assertThat(Yamls.str(config, "target")).startsWith("/docker-entrypoint-initdb.d/"));
        assertThat(Yamls.str(compose, "configs", "postgres-init", "content")).contains("CREATE DATABASE agentfactory");
    }

    @Test
    void secretsComeFromTheEnvironmentNotFromLiterals() {
        Map<String, Object> gatewayEnv = Yamls.map(service(ServiceTable.GATEWAY), "environment");
        for (String secret : List.of(
                "DATABASE_PASSWORD",
                "JWT_SIGNING_KEY",
                "ADMIN_EMAIL",
                "ADMIN_PASSWORD",
                "AGENTFACTORY_SERVICE_CLIENTS")) {
            assertThat(gatewayEnv).as("gateway sets " + secret).containsKey(secret);
            assertThat(DescriptorRules.isEnvironmentReference(gatewayEnv.get(secret)))
                    .as(secret + " = " + gatewayEnv.get(secret))
                    .isTrue();
        }
        assertThat(String.valueOf(gatewayEnv.get("JWT_SIGNING_KEY"))).startsWith("${JWT_SIGNING_KEY:?");
    }

    @Test
    void onlyTheGatewayHoldsTheSigningKeyAndEachAgentOnlyItsOwnClientSecret() {
        for (ServiceTable table : ServiceTable.SERVICES) {
            String name = table.spec().module();
            Map<String, Object> env = Yamls.map(service(name), "environment");
            if (!name.equals(ServiceTable.GATEWAY)) {
                assertThat(env).as(name).doesNotContainKeys("JWT_SIGNING_KEY", "AGENTFACTORY_SERVICE_CLIENTS");
            }
        }
        assertThat(Yamls.str(service("ad-agent"), "environment", "SERVICE_CLIENT_SECRET"))
                .startsWith("${AD_AGENT_CLIENT_SECRET:?");
        assertThat(Yamls.str(service("inventory-agent"), "environment", "SERVICE_CLIENT_SECRET"))
                .startsWith("${INVENTORY_AGENT_CLIENT_SECRET:?");
    }

    @Test
    void agentsGetTheSettingsTheirCallsAndMailsNeed() {
        assertThat(Yamls.str(service("inventory-agent"), "environment", "FINANCE_URL"))
                .isEqualTo("http://finance-service:8087");
        Map<String, Object> campaign = Yamls.map(service("campaign-agent"), "environment");
        assertThat(campaign).containsEntry("SMTP_HOST", "mail");
        assertThat(campaign).containsEntry("SMTP_PORT", "1025");
        for (String secret : List.of("CAMPAIGN_UNSUBSCRIBE_SECRET", "CAMPAIGN_WEBHOOK_SECRET")) {
            assertThat(DescriptorRules.isEnvironmentReference(campaign.get(secret)))
                    .as(secret)
                    .isTrue();
        }
        assertThat(DescriptorRules.isEnvironmentReference(
                        Yamls.map(service("ad-agent"), "environment").get("AD_EXCHANGE_WIN_NOTICE_SECRET")))
                .as("AD_EXCHANGE_WIN_NOTICE_SECRET")
                .isTrue();
        // the agent refuses the simulated exchange's public key unless that exchange runs: the stack turns it on
        // by default whenever it passes that key
        Map<String, Object> ad = Yamls.map(service("ad-agent"), "environment");
        assertThat(String.valueOf(ad.get("AD_EXCHANGE_SIMULATED_KEY_SHA256")))
                .startsWith("${AD_EXCHANGE_SIMULATED_KEY_SHA256:-");
        assertThat(String.valueOf(ad.get("AD_SIMULATED_EXCHANGE_ENABLED")))
                .isEqualTo("${AD_SIMULATED_EXCHANGE_ENABLED:-true}");
        // optional: unset, the agent starts and refuses every inbound text
        assertThat(campaign).containsEntry("CAMPAIGN_SMS_INBOUND_SECRET", "${CAMPAIGN_SMS_INBOUND_SECRET:-}");
        assertThat(Yamls.str(service("campaign-agent"), "depends_on", "mail", "condition"))
                .isEqualTo("service_healthy");
        assertThat(Yamls.str(service("support-agent"), "environment", "DJL_CACHE_DIR"))
                .startsWith("/tmp/");
    }

    @Test
    void onlyTheGatewayPublishesAPortToTheHost() {
        assertThat(DescriptorRules.composePublishedPortViolations(compose, ServiceTable.GATEWAY))
                .isEmpty();
    }

    @Test
    void everyApplicationServiceIsBuiltFromTheDockerfileAndSizedLikeTheTable() {
        for (ServiceTable expected : ServiceTable.SERVICES) {
            Map<String, Object> service = service(expected.name());
            assertThat(Yamls.str(service, "build", "args", "SERVICE")).isEqualTo(expected.name());
            assertThat(Yamls.str(service, "build", "dockerfile")).isEqualTo("Dockerfile");
            int memLimit = DescriptorRules.mebibytes(Yamls.str(service, "mem_limit"));
            assertThat(DescriptorRules.jvmMemoryViolations(
                            expected.name(),
                            Yamls.str(service, "environment", "JAVA_TOOL_OPTIONS"),
                            expected,
                            memLimit))
                    .isEmpty();
            assertThat(DescriptorRules.ownMemoryOptions(Yamls.str(service, "environment", "JAVA_TOOL_OPTIONS")))
                    .as(expected.name() + " collector and young generation, as the local run starts it")
                    .isEqualTo(DescriptorRules.ownMemoryOptions(
                            String.join(" ", PlatformLauncher.jvmOptions(expected.spec()))));
            assertThat(Yamls.str(service, "environment", "PORT")).isEqualTo(String.valueOf(expected.port()));
            assertThat(String.join(
                            " ",
                            Yamls.list(service, "healthcheck", "test").stream()
                                    .map(String::valueOf)
                                    .toList()))
                    .contains("localhost:" + expected.port() + "/actuator/health/readiness");
            assertThat(Yamls.str(service, "environment", "DATABASE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/agentfactory");
            assertThat(Yamls.str(service, "environment", "LOG_FORMAT")).isEqualTo("json");
        }
    }

    @Test
    void everyApplicationServiceWaitsForHealthyInfrastructure() {
        for (ServiceTable expected : ServiceTable.SERVICES) {
            Map<String, Object> dependsOn = Yamls.map(service(expected.name()), "depends_on");
            for (String infrastructure : List.of("postgres", "kafka", "redis")) {
                assertThat(Yamls.str(dependsOn, infrastructure, "condition"))
                        .as(expected.name() + " depends on " + infrastructure)
                        .isEqualTo("service_healthy");
            }
        }
    }
}
