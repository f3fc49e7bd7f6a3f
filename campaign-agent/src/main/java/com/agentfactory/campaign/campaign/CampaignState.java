package com.agentfactory.campaign.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stages of a campaign from the specification's lifecycle, plus {@code PAUSED}: the optimisation loop's
 * "pause campaign" decision, which stops a running campaign without ending it.
 */
enum CampaignState {
    PLAN,
    CREATE,
    TEST,
    LAUNCH,
    OPTIMISE,
    MONITOR,
    PAUSED,
    ANALYSE,
    REPORT,
    ARCHIVE;

    static final String PATTERN = "plan|create|test|launch|optimise|monitor|paused|analyse|report|archive";

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CampaignState> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(state -> state.wireName().equals(name))
                .findFirst();
    }
}
