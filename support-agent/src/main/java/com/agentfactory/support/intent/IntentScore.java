package com.agentfactory.support.intent;

/** One intent with the classifier's confidence in [0, 1]. */
public record IntentScore(String intent, double confidence) {}
