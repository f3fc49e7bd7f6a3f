package com.agentfactory.ad.campaign;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a campaign stands, and the only place that knows which status may follow which: a draft is activated or
 * ended, an active campaign is paused or ended, a paused one resumed or ended; ended is final.
 */
public enum AdCampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ENDED;

    private static final Map<AdCampaignStatus, Set<AdCampaignStatus>> NEXT = new EnumMap<>(AdCampaignStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(ACTIVE, ENDED));
        NEXT.put(ACTIVE, EnumSet.of(PAUSED, ENDED));
        NEXT.put(PAUSED, EnumSet.of(ACTIVE, ENDED));
        NEXT.put(ENDED, EnumSet.noneOf(AdCampaignStatus.class));
    }

    List<AdCampaignStatus> allowedNext() {
        return List.copyOf(NEXT.get(this));
    }

    /** @throws StatusChangeNotAllowedException when {@code target} may not follow this status */
    void check(AdCampaignStatus target) {
        if (!NEXT.get(this).contains(target)) {
            throw new StatusChangeNotAllowedException(this, target, allowedNext());
        }
    }
}
