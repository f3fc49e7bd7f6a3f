package com.agentfactory.campaign.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A one-e-mail journey enrolled by hand only, customers who consent to e-mail, and their enrolments in journeys. */
public final class EmailJourneys {

    private EmailJourneys() {}

    /** Creates and activates a journey that sends the e-mail template once and ends; returns its id. */
    public static UUID oneEmail(Api api, String template) {
        return oneEmail(api, template, null);
    }

    /** As {@link #oneEmail(Api, String)}, the journey belonging to the campaign (none when null). */
    public static UUID oneEmail(Api api, String template, UUID campaign) {
        Map<String, Object> definition = new HashMap<>(Map.of(
                "name", "One e-mail " + UUID.randomUUID(),
                "trigger", SmsJourneys.enrolledByHandOnly(api),
                "steps",
                        List.of(
                                Map.of("id", "mail", "type", "email", "template", template),
                                Map.of("id", "done", "type", "end"))));
        if (campaign != null) {
            definition.put("campaign_id", campaign);
        }
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Response activated = api.post("/api/v1/campaigns/journeys/" + created.text("/id") + "/activate", Map.of());
        assertThat(activated.status()).as(activated.body().toString()).isEqualTo(200);
        return UUID.fromString(created.text("/id"));
    }

    public static void enrol(Api api, UUID journey, UUID customer) {
        Response enrolled = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/enrolments",
                Map.of("customer_id", customer, "context", Map.of()));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
    }

    public static void enrolAll(Api api, UUID journey, List<UUID> customers) {
        customers.forEach(customer -> enrol(api, journey, customer));
    }

    /** A new known customer at {@code <id>@example.test} who consented to e-mail; returns their id. */
    public static UUID consentingCustomer(CommerceEvents commerce, Api api) {
        return consentingCustomer(commerce, api, CustomerMother.freshCountry());
    }

    /** As {@link #consentingCustomer(CommerceEvents, Api)}, living in the country (for a segment on it). */
    public static UUID consentingCustomer(CommerceEvents commerce, Api api, String country) {
        UUID customer = CustomerMother.knownCustomer(commerce, country);
        consentToEmail(api, customer);
        return customer;
    }

    /** That many new customers who consented to e-mail, in the order they were made. */
    public static List<UUID> consentingCustomers(CommerceEvents commerce, Api api, int count) {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(consentingCustomer(commerce, api));
        }
        return customers;
    }

    /** A known customer with the address who consented to e-mail. */
    public static void consentingCustomer(CommerceEvents commerce, Api api, UUID customer, String address) {
        commerce.publishAndWait(
                CustomerMother.customer(customer, address, CustomerMother.freshCountry(), java.time.Instant.now()));
        consentToEmail(api, customer);
    }

    private static void consentToEmail(Api api, UUID customer) {
        Response consented = api.put(
                "/api/v1/campaigns/consents/" + customer,
                Map.of("consents", List.of(Map.of("channel", "email", "granted", true, "source", "checkout"))));
        assertThat(consented.status()).as(consented.body().toString()).isEqualTo(200);
    }
}
