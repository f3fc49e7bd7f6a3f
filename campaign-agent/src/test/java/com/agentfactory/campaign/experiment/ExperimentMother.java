package com.agentfactory.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Experiments on a journey's send steps for tests, as the JSON a caller sends. */
final class ExperimentMother {

    static final String EXPERIMENTS = "/api/v1/campaigns/experiments";

    private ExperimentMother() {}

    /** An experiment comparing the treatment steps with the control step on the metric; its name made unique. */
    static Map<String, Object> experiment(
            String name, UUID journey, String controlStep, List<String> treatmentSteps, String metric) {
        return Map.of(
                "name",
                name + " " + UUID.randomUUID(),
                "journey_id",
                journey,
                "control_step",
                controlStep,
                "treatment_steps",
                treatmentSteps,
                "metric",
                metric);
    }

    static Map<String, Object> onConversions(String name, UUID journey, String controlStep, String... treatmentSteps) {
        return experiment(name, journey, controlStep, List.of(treatmentSteps), "converted");
    }

    /** Creates the experiment through the API; returns its id. */
    static String create(Api api, Map<String, Object> experiment) {
        Response created = api.post(EXPERIMENTS, experiment);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.text("/id");
    }
}
