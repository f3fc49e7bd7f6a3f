package com.agentfactory.supervisor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AgentRegistryIT extends SupervisorIntegrationTest {

    @Autowired
    AgentRegistryService registry;

    @Test
    void forgetsInstancesSilentForLongerThanTheRetentionButKeepsTheLiveOnes() {
        var agent = new AgentReports(kafka);
        String restartedLongAgo = "ad-" + UUID.randomUUID();
        String running = "ad-" + UUID.randomUUID();
        agent.heartbeat("ad", restartedLongAgo, Instant.now().minus(Duration.ofDays(3)));
        agent.heartbeat("ad", running);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> instancesOf("ad").containsAll(List.of(restartedLongAgo, running)));

        int forgotten = registry.forgetSilentInstances();

        assertThat(forgotten).isPositive();
        assertThat(instancesOf("ad")).contains(running).doesNotContain(restartedLongAgo);
        Response ad = api.get("/api/v1/agents?type=ad");
        assertThat(ad.body().get(0).at("/liveness/status").asString()).isEqualTo("UP");
    }

    private List<String> instancesOf(String agentType) {
        return api.get("/api/v1/agents?type=" + agentType)
                .body()
                .get(0)
                .at("/liveness/instances")
                .valueStream()
                .map(instance -> instance.path("instance_id").asString())
                .toList();
    }

    @Test
    void listsEveryConfiguredAgentWithPersonasCapabilitiesAndTargets() {
        Response agents = api.get("/api/v1/agents");

        assertThat(agents.status()).isEqualTo(200);
        assertThat(agents.body().valueStream().map(a -> a.path("type").asString()))
                .containsExactlyInAnyOrder("support", "recommendation", "ad", "inventory", "campaign", "finance");
        var support = agents.body()
                .valueStream()
                .filter(a -> a.path("type").asString().equals("support"))
                .findFirst()
                .orElseThrow();
        assertThat(support.path("agent_id").asString())
                .isEqualTo(AgentIds.forType("support").toString());
        assertThat(support.at("/personas/1/activation_keywords").valueStream().map(k -> k.asString()))
                .contains("refund");
        assertThat(support.path("capabilities").valueStream().map(c -> c.asString()))
                .contains("handle-complaint");
        assertThat(support.at("/performance_targets/response_time_ms").asInt()).isEqualTo(100);
    }

    @Test
    void filtersByTypeDepartmentAndActivity() {
        assertThat(api.get("/api/v1/agents?department=Marketing")
                        .body()
                        .valueStream()
                        .map(a -> a.path("type").asString()))
                .containsExactlyInAnyOrder("recommendation", "ad", "campaign");
        assertThat(api.get("/api/v1/agents?type=finance").body()).hasSize(1);
        assertThat(api.get("/api/v1/agents?is_active=false").body()).isEmpty();
        assertThat(api.get("/api/v1/agents?type=Not%20A%20Type").status()).isEqualTo(400);
    }

    @Test
    void invokingAnAgentCreatesATaskForItWithItsDefaultTaskType() {
        UUID recommendation = AgentIds.forType("recommendation");

        Response created = api.post(
                "/api/v1/agents/" + recommendation + "/invoke", Map.of("input_data", Map.of("user_id", "12345")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/assigned_agent")).isEqualTo(recommendation.toString());
        assertThat(created.text("/task_type")).isEqualTo("recommend-products");
        assertThat(api.post("/api/v1/agents/" + UUID.randomUUID() + "/invoke", Map.of("input_data", Map.of()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void invokingAnAgentRefusesATaskTypeItDidNotAnnounceInputItsSchemaRefusesAndAMissingDefault() {
        UUID inventory = AgentIds.forType("inventory");

        Response wrongType = api.post(
                "/api/v1/agents/" + inventory + "/invoke",
                Map.of("task_type", "fixture-campaign-plan", "input_data", Map.of()));
        Response noDefault = api.post("/api/v1/agents/" + inventory + "/invoke", Map.of("input_data", Map.of()));
        Response invalid = api.post(
                "/api/v1/agents/" + AgentIds.forType("recommendation") + "/invoke",
                Map.of("input_data", Map.of("limit", 500)));

        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.errorFields()).containsExactly("task_type");
        assertThat(noDefault.status()).isEqualTo(422);
        assertThat(noDefault.text("/errors/0/message")).contains("inventory has no default task type");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).containsExactly("input_data.limit", "input_data.user_id");
    }

    @Test
    void showsTheTaskTypesEachAgentAnnouncedAsItsCapabilities() {
        var finance = api.get("/api/v1/agents?type=finance").body().get(0);

        assertThat(finance.path("capabilities").valueStream().map(c -> c.asString()))
                .containsExactly("check-budget", "health-check");
        assertThat(finance.path("default_task_type").isNull()).isTrue();
    }
}
