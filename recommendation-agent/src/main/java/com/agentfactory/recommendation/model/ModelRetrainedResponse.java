package com.agentfactory.recommendation.model;

import java.time.Instant;

record ModelRetrainedResponse(int modelVersion, Instant trainedAt) {}
