package com.agentfactory.campaign.experiment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored experiment: which journey's send steps are its arms, its primary metric and how it is judged. */
record Experiment(
        UUID id,
        String name,
        UUID journeyId,
        String controlStep,
        List<String> treatmentSteps,
        String metric,
        AnalysisSettings settings,
        String createdBy,
        Instant createdAt) {}
