package com.agentfactory.campaign.experiment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ExperimentResponse(
        UUID id,
        String name,
        UUID journeyId,
        String controlStep,
        List<String> treatmentSteps,
        String metric,
        double alpha,
        double power,
        double mde,
        double tau,
        String createdBy,
        Instant createdAt) {

    static ExperimentResponse of(Experiment experiment) {
        AnalysisSettings settings = experiment.settings();
        return new ExperimentResponse(
                experiment.id(),
                experiment.name(),
                experiment.journeyId(),
                experiment.controlStep(),
                experiment.treatmentSteps(),
                experiment.metric(),
                settings.alpha(),
                settings.power(),
                settings.mde(),
                settings.tau(),
                experiment.createdBy(),
                experiment.createdAt());
    }
}
