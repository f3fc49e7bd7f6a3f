package com.agentfactory.messaging.finance;

import java.net.URI;

/**
 * The problem types finance answers with where its status alone would mislead a client; every other refusal of
 * finance is {@code about:blank}, told apart by its status.
 */
public final class FinanceProblemTypes {

    /**
     * 403 to a commit or release, or to an expense under a reservation's key, from a caller other than the one that
     * made the reservation: unlike any other 403 it is about the reservation and will not pass, so a caller that holds
     * the reservation under a name it no longer has hands it to a person instead of asking again. A tag URI, as
     * RFC 9457 suggests for a type that is only compared, never fetched.
     */
    public static final URI RESERVATION_HELD_BY_ANOTHER =
            URI.create("tag:agentfactory,2026:finance/reservation-held-by-another");

    private FinanceProblemTypes() {}
}
