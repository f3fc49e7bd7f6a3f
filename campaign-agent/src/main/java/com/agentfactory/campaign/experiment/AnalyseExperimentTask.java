package com.agentfactory.campaign.experiment;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The input of the analyse-experiment task: which stored experiment to judge now. */
record AnalyseExperimentTask(@NotNull UUID experimentId) {}
