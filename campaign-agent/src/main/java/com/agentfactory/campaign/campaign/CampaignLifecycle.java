package com.agentfactory.campaign.campaign;

import static com.agentfactory.campaign.campaign.CampaignState.ANALYSE;
import static com.agentfactory.campaign.campaign.CampaignState.ARCHIVE;
import static com.agentfactory.campaign.campaign.CampaignState.CREATE;
import static com.agentfactory.campaign.campaign.CampaignState.LAUNCH;
import static com.agentfactory.campaign.campaign.CampaignState.MONITOR;
import static com.agentfactory.campaign.campaign.CampaignState.OPTIMISE;
import static com.agentfactory.campaign.campaign.CampaignState.PAUSED;
import static com.agentfactory.campaign.campaign.CampaignState.PLAN;
import static com.agentfactory.campaign.campaign.CampaignState.REPORT;
import static com.agentfactory.campaign.campaign.CampaignState.TEST;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign state machine: the only place that knows which state may follow which. The specification's
 * path is plan, create, test, launch, optimise, monitor, analyse, report, archive. Besides it: preparation may
 * step back (a failed test goes back to create, a rejected draft to plan) or be abandoned to the archive before
 * launch; a running campaign loops between optimise and monitor (the optimisation cycle) and may be paused and
 * resumed; once launched, it reaches the archive only through analysis and a report.
 */
final class CampaignLifecycle {

    private static final Map<CampaignState, Set<CampaignState>> NEXT = new EnumMap<>(CampaignState.class);
    // launched and not paused: the states in which the campaign's journeys enrol and send
    private static final Set<CampaignState> SENDING = EnumSet.of(LAUNCH, OPTIMISE, MONITOR);

    static {
        NEXT.put(PLAN, EnumSet.of(CREATE, ARCHIVE));
        NEXT.put(CREATE, EnumSet.of(TEST, PLAN, ARCHIVE));
        NEXT.put(TEST, EnumSet.of(LAUNCH, CREATE, ARCHIVE));
        NEXT.put(LAUNCH, EnumSet.of(OPTIMISE, MONITOR, PAUSED));
        NEXT.put(OPTIMISE, EnumSet.of(MONITOR, PAUSED));
        NEXT.put(MONITOR, EnumSet.of(OPTIMISE, ANALYSE, PAUSED));
        NEXT.put(PAUSED, EnumSet.of(LAUNCH, ANALYSE));
        NEXT.put(ANALYSE, EnumSet.of(REPORT));
        NEXT.put(REPORT, EnumSet.of(ARCHIVE));
        NEXT.put(ARCHIVE, EnumSet.noneOf(CampaignState.class));
    }

    private CampaignLifecycle() {}

    static CampaignState initial() {
        return PLAN;
    }

    /** The states that may follow {@code from}, in lifecycle order. */
    static List<CampaignState> allowedFrom(CampaignState from) {
        return List.copyOf(NEXT.get(from));
    }

    /** Whether nothing may follow {@code state}: the campaign is over. */
    static boolean isFinal(CampaignState state) {
        return NEXT.get(state).isEmpty();
    }

    /** Whether the campaign's journeys may enrol customers and send to them in {@code state}. */
    static boolean sends(CampaignState state) {
        return SENDING.contains(state);
    }

    /**
     * Whether a campaign in {@code state} can still come to send: it has not launched yet or is paused. Derived
     * from the transitions, so a new path back to sending cannot be forgotten here.
     */
    static boolean maySendLater(CampaignState state) {
        Set<CampaignState> seen = EnumSet.of(state);
        ArrayDeque<CampaignState> next = new ArrayDeque<>(NEXT.get(state));
        while (!next.isEmpty()) {
            CampaignState reached = next.poll();
            if (SENDING.contains(reached)) {
                return true;
            }
            if (seen.add(reached)) {
                next.addAll(NEXT.get(reached));
            }
        }
        return false;
    }

    /** @throws TransitionNotAllowedException when {@code to} may not follow {@code from} */
    static void check(CampaignState from, CampaignState to) {
        if (!NEXT.get(from).contains(to)) {
            throw new TransitionNotAllowedException(
                    from.wireName(),
                    to.wireName(),
                    allowedFrom(from).stream().map(CampaignState::wireName).toList());
        }
    }
}
