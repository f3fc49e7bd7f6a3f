package com.agentfactory.ad.simulation;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** A run's results and policy details as stored in its jsonb columns: the same snake_case JSON the API answers. */
final class SimulationJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final TypeReference<List<SimulationResult>> RESULTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, Object>>> DETAILS = new TypeReference<>() {};

    private SimulationJson() {}

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static List<SimulationResult> results(String json) {
        return JSON.readValue(json, RESULTS);
    }

    static Map<String, Map<String, Object>> details(String json) {
        return JSON.readValue(json, DETAILS);
    }
}
