package com.agentfactory.campaign.support;

import com.agentfactory.messaging.testing.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Journey definitions and customers who take texts, for the pacing, tracking and experiment tests. */
public final class SmsJourneys {

    private SmsJourneys() {}

    /**
     * A trigger nothing fires (entry to a new segment of a country nobody lives in), so only the test's own
     * enrolments run the journey and other tests' commerce events do not enrol their customers in it.
     */
    public static Map<String, Object> enrolledByHandOnly(Api api) {
        Api.Response segment = api.post(
                "/api/v1/campaigns/segments",
                Map.of(
                        "name",
                        "Nobody " + UUID.randomUUID(),
                        "rules",
                        Map.of("field", "country", "op", "eq", "value", "Nowhere " + UUID.randomUUID())));
        if (segment.status() != 201) {
            throw new IllegalStateException("could not create the test's empty segment: " + segment.body());
        }
        return Map.of("type", "segment_entry", "segment_id", segment.text("/id"));
    }

    /** A journey of {@code texts} SMS steps one after another, then its end, enrolled by hand only. */
    public static Map<String, Object> texts(Api api, int texts, String template) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 1; i <= texts; i++) {
            steps.add(Map.of("id", "text" + i, "type", "sms", "template", template));
        }
        steps.add(Map.of("id", "done", "type", "end"));
        return Map.of("name", "Texts " + UUID.randomUUID(), "trigger", enrolledByHandOnly(api), "steps", steps);
    }

    /** A new known customer without an e-mail address who consented to SMS at a number of their own; their id. */
    public static UUID consentingCustomer(CommerceEvents commerce, Api api) {
        return consentingCustomer(commerce, api, CustomerMother.freshPhone());
    }

    /** A new known customer without an e-mail address who consented to SMS at this number; returns their id. */
    public static UUID consentingCustomer(CommerceEvents commerce, Api api, String phone) {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(
                CustomerMother.customer(customer, null, phone, CustomerMother.freshCountry(), Instant.now()));
        api.put(
                "/api/v1/campaigns/consents/" + customer,
                Map.of("consents", List.of(Map.of("channel", "sms", "granted", true, "source", "app"))));
        return customer;
    }
}
