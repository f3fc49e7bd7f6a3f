package com.agentfactory.recommendation.recommendation;

import java.time.Instant;

record ModelRetrainedResponse(int modelVersion, Instant trainedAt) {}
