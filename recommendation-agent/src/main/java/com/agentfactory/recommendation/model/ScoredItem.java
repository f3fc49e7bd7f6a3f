package com.agentfactory.recommendation.model;

/** An item with the score a model gave it; higher is better. */
public record ScoredItem(String itemId, double score) {}
