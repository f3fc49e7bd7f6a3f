package com.agentfactory.support.sentiment;

/** Polarity in [-1, 1] (negative is unhappy) with the two flags escalation and tone depend on. */
public record Sentiment(double score, boolean frustrated, boolean urgent) {}
