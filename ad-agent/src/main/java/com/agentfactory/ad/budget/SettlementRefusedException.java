package com.agentfactory.ad.budget;

/**
 * Finance answered a commit or release with a refusal (a reservation someone released or committed at finance by
 * hand, one finance does not know, one another caller made): an answer, not an outage, so asking again with the same reservation gets the
 * same no. Only a person can tell what became of the money.
 */
public class SettlementRefusedException extends RuntimeException {

    private final String reason;

    public SettlementRefusedException(String reason, Throwable cause) {
        super("finance refused: " + reason, cause);
        this.reason = reason;
    }

    /** Finance's status and answer, e.g. {@code 409 reservation already released}. */
    public String reason() {
        return reason;
    }
}
