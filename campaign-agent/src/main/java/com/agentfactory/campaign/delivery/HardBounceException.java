package com.agentfactory.campaign.delivery;

/** The recipient's mail server refused the address for good; sending again cannot succeed. */
class HardBounceException extends Exception {

    private final String address;
    private final String reply;

    HardBounceException(String address, String reply, Throwable cause) {
        super("hard bounce: " + reply, cause);
        this.address = address;
        this.reply = reply;
    }

    /** The address the server refused. */
    String address() {
        return address;
    }

    /** What the server answered, for example {@code 550 5.1.1 mailbox unavailable}. */
    String reply() {
        return reply;
    }
}
