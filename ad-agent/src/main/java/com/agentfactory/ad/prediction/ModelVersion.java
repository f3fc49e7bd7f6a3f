package com.agentfactory.ad.prediction;

import java.time.Instant;
import java.util.Map;

/**
 * One trained model as stored: its id (also its folder's name), family, what it predicts ({@code ctr} or
 * {@code cvr}), when it was trained, and its evaluation figures.
 */
public record ModelVersion(String id, String kind, String target, Instant trainedAt, Map<String, Object> metrics) {}
