package com.agentfactory.campaign.experiment;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** An experiment's results as an agent task: the same answer as GET /api/v1/campaigns/experiments/{id}/results. */
@Component
class AnalyseExperimentTaskHandler implements TaskHandler<AnalyseExperimentTask, ExperimentResultResponse> {

    private final ExperimentService experiments;

    AnalyseExperimentTaskHandler(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @Override
    public String taskType() {
        return "analyse-experiment";
    }

    @Override
    public String description() {
        return "Judges a stored A/B experiment now: each arm against the control on its primary metric, with the"
                + " decision (winner, no_difference or keep_running) and its reason.";
    }

    @Override
    public AnalyseExperimentTask example() {
        return new AnalyseExperimentTask(UUID.fromString("6f1c2a9e-0b7d-4c3e-9a55-2d8e4f1b7c10"));
    }

    @Override
    public ExperimentResultResponse handle(AnalyseExperimentTask input, TaskContext context) {
        return experiments.results(input.experimentId());
    }
}
