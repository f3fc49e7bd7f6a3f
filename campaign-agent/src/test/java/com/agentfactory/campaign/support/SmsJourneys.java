package com.agentfactory.campaign.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Journey definitions that text the customer a number of times in a row, for pacing and tracking tests. */
public final class SmsJourneys {

    private SmsJourneys() {}

    /** An event-triggered journey of {@code texts} SMS steps one after another, then its end. */
    public static Map<String, Object> texts(int texts, String template) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 1; i <= texts; i++) {
            steps.add(Map.of("id", "text" + i, "type", "sms", "template", template));
        }
        steps.add(Map.of("id", "done", "type", "end"));
        return Map.of(
                "name",
                "Texts " + UUID.randomUUID(),
                "trigger",
                Map.of("type", "event", "event", "cart.abandoned"),
                "steps",
                steps);
    }
}
