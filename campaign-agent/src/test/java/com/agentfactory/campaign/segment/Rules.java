package com.agentfactory.campaign.segment;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Segment rules for tests, written as the JSON a caller sends and read the way the API reads it. */
final class Rules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Rules() {}

    static Object json(String json) {
        return JSON.readValue(json, new TypeReference<Object>() {});
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String json) {
        return (Map<String, Object>) json(json);
    }

    /** Single quotes for readability in Java source; no test rule needs a literal single quote through this. */
    static Object lenient(String json) {
        return json(json.replace('\'', '"'));
    }
}
