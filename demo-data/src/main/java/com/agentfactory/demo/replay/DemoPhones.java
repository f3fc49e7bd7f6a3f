package com.agentfactory.demo.replay;

/**
 * Fictional mobile numbers for the replayed customers, from the range Ofcom keeps for drama (+44 7700 900000 to
 * 900999): no one is ever texted by a demo, whatever its SMS provider does. The dataset has no phone numbers, and a
 * number is needed to show an SMS going out and a STOP reply coming back. Derived from the customer number, so every
 * replay gives a customer the same one; with a thousand numbers to share, a few customers share one, as a household
 * may.
 */
final class DemoPhones {

    static final String PREFIX = "+447700900";
    static final int RANGE = 1000;

    private DemoPhones() {}

    static String of(String customerNumber) {
        // the name-based id's bits are spread evenly, unlike the dataset's customer numbers
        long bits = DeterministicIds.customer(customerNumber).getLeastSignificantBits();
        return PREFIX + String.format("%03d", Math.floorMod(bits, RANGE));
    }
}
