package com.agentfactory.campaign.kpi;

import java.util.Objects;
import java.util.UUID;

/** Whose sends the KPIs count: one journey's, the journeys' of one campaign, or every send. */
record KpiScope(Kind kind, UUID id) {

    enum Kind {
        JOURNEY,
        CAMPAIGN,
        ALL
    }

    KpiScope {
        Objects.requireNonNull(kind);
        if ((kind == Kind.ALL) != (id == null)) {
            throw new IllegalArgumentException("a journey or campaign scope needs an id, the all scope none");
        }
    }

    static KpiScope journey(UUID journeyId) {
        return new KpiScope(Kind.JOURNEY, journeyId);
    }

    static KpiScope campaign(UUID campaignId) {
        return new KpiScope(Kind.CAMPAIGN, campaignId);
    }

    static KpiScope all() {
        return new KpiScope(Kind.ALL, null);
    }

    /**
     * A condition that holds for the rows of the scope, on {@code journeyColumn}, the (qualified) journey id column of
     * the table being counted; the one column name is the caller's constant, and the id is bound as {@link
     * #parameters()}, never written into the SQL.
     */
    String condition(String journeyColumn) {
        return switch (kind) {
            case JOURNEY -> journeyColumn + " = ?";
            case CAMPAIGN -> journeyColumn + " IN (SELECT j.id FROM journeys j WHERE j.campaign_id = ?)";
            // every send, with or without a journey, as the all-journeys figures always counted
            case ALL -> "TRUE";
        };
    }

    /** The values the placeholders of {@link #condition} take, in order. */
    Object[] parameters() {
        return kind == Kind.ALL ? new Object[0] : new Object[] {id};
    }
}
