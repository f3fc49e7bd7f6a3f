package com.agentfactory.campaign.experiment;

import java.util.UUID;

/** An experiment's result now: its id and metric with what the analysis shows and decides. */
record ExperimentResultResponse(UUID experimentId, String metric, ExperimentResult result) {}
