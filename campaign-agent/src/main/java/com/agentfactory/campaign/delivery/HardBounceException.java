package com.agentfactory.campaign.delivery;

/** The recipient's mail server refused the address for good; sending again cannot succeed. */
class HardBounceException extends Exception {

    private final String reply;

    HardBounceException(String reply, Throwable cause) {
        super("hard bounce: " + reply, cause);
        this.reply = reply;
    }

    /** What the server answered, for example {@code 550 5.1.1 mailbox unavailable}. */
    String reply() {
        return reply;
    }
}
