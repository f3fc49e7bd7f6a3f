package com.agentfactory.recommendation.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A retraining needs no input: it trains on everything stored now. */
// annotated so that Jackson writes the empty record as {} instead of refusing a bean without properties
@JsonIgnoreProperties(ignoreUnknown = true)
record RetrainModelsRequest() {}
