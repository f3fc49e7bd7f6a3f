package com.agentfactory.recommendation.model;

/** One user's interest in one item, already weighted (and decayed) by whoever built it. */
public record Signal(String userId, String itemId, double weight) {}
