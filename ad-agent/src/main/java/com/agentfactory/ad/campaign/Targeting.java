package com.agentfactory.ad.campaign;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Whom an ad group reaches; stored as JSON so more criteria can join without a migration. */
record Targeting(List<String> regions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Targeting {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static Targeting fromJson(String json) {
        return JSON.readValue(json, Targeting.class);
    }
}
