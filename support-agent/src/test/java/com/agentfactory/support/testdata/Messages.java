package com.agentfactory.support.testdata;

/**
 * Customer messages with what the shipped language pipeline makes of them, so each test can rely on one
 * rule firing (or none).
 */
public final class Messages {

    private Messages() {}

    /** English, one confident intent (shipping options), calm. */
    public static final String SHIPPING_TO_SPAIN = "Do you ship to Spain?";

    /** English, one confident intent (refund policy), calm. */
    public static final String RETURNS_POLICY = "What is your returns policy?";

    public static String whereIsOrder(String orderNumber) {
        return "What is the status of my order " + orderNumber + "?";
    }

    /** English, no intent the classifier is sure of. */
    public static final String VAGUE = "hmm, about the thing";

    /** English, sentiment far below -0.8. */
    public static final String FURIOUS =
            "This is the worst service ever, I am absolutely furious and disgusted, you are useless!";

    /** English, three intents of real weight. */
    public static final String THREE_THINGS =
            "I want to cancel my order, get a refund and change my shipping address and my password";

    /** Mentions a lawyer. */
    public static String lawyer(String orderNumber) {
        return "I will contact my lawyer about order " + orderNumber;
    }

    /** Russian: none of the store's languages. */
    public static final String RUSSIAN = "Где мой заказ? Я заказал его неделю назад, и до сих пор ничего нет.";
}
