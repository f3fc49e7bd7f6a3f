package com.agentfactory.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignTasksIT extends CampaignIntegrationTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void plansACampaignFromATaskAndAuditsTheTaskAsTheActor() {
        TaskStatusChanged report = run("plan-campaign", CampaignMother.createRequest());

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(report.output().path("state").asString()).isEqualTo("plan");
        String id = report.output().path("id").asString();
        assertThat(api.get("/api/v1/campaigns/" + id).text("/created_by")).isEqualTo("task:" + report.taskId());
    }

    @Test
    void launchesATestedCampaignThenPausesItAndResumes() {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");
        api.post("/api/v1/campaigns/" + id + "/transitions", CampaignMother.transition("create", "brief ok"));
        api.post("/api/v1/campaigns/" + id + "/transitions", CampaignMother.transition("test", "content ready"));

        TaskStatusChanged launched = run("launch-campaign", step(id, "test sends approved"));
        TaskStatusChanged paused = run("pause-campaign", step(id, "complaints rising"));
        TaskStatusChanged resumed = run("launch-campaign", step(id, "complaints explained"));

        assertThat(launched.output().path("state").asString()).isEqualTo("launch");
        assertThat(paused.output().path("state").asString()).isEqualTo("paused");
        assertThat(resumed.output().path("state").asString()).isEqualTo("launch");
        var history = api.get("/api/v1/campaigns/" + id + "/history").body().path("items");
        assertThat(history.get(4).path("reason").asString()).isEqualTo("complaints rising");
        assertThat(history.get(4).path("actor").asString()).isEqualTo("task:" + paused.taskId());
    }

    @Test
    void failsALaunchTheLifecycleForbidsAtOnceAsAConflict() {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");

        TaskStatusChanged report = run("launch-campaign", step(id, "straight to launch"));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(report.failure()).isEqualTo(FailureKind.CONFLICT);
        assertThat(report.attempt()).as("not retried").isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id).text("/state")).isEqualTo("plan");
    }

    @Test
    void failsInvalidTaskInputNamingTheFields() {
        Map<String, Object> input = CampaignMother.createRequest();
        input.put("channel", "carrier-pigeon");
        input.put("segment_rule", Map.of("field", "country", "op", "eq", "value", "GB"));

        TaskStatusChanged invalid = run("plan-campaign", input);
        TaskStatusChanged badRule = run(
                "plan-campaign",
                withRule(Map.of("or", List.of(Map.of("field", "country", "op", "drop", "value", "GB")))));
        TaskStatusChanged unknownCampaign =
                run("pause-campaign", step(UUID.randomUUID().toString(), "why not"));

        assertThat(invalid.failure()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(invalid.errors()).extracting(FieldErrorDetail::field).containsExactly("channel");
        assertThat(badRule.failure()).isEqualTo(FailureKind.RULE_VIOLATION);
        assertThat(badRule.errors()).extracting(FieldErrorDetail::field).containsExactly("segment_rule.or[0].op");
        assertThat(unknownCampaign.failure()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void previewsASegmentFromATask() {
        TaskStatusChanged report = run(
                "preview-segment",
                Map.of("rules", Map.of("field", "country", "op", "eq", "value", "Nowhere " + UUID.randomUUID())));

        assertThat(report.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(report.output().path("count").asLong()).isZero();
        assertThat(report.output().path("sample_customer_ids").isArray()).isTrue();
    }

    private TaskStatusChanged run(String taskType, Object input) {
        return tasks().run("campaign", taskType, codec.toTree(input), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError(taskType + " got no terminal report"));
    }

    private static Map<String, Object> step(String campaignId, String reason) {
        return Map.of("campaign_id", campaignId, "reason", reason);
    }

    private static Map<String, Object> withRule(Map<String, Object> rule) {
        Map<String, Object> request = CampaignMother.createRequest();
        request.put("segment_rule", rule);
        return request;
    }
}
