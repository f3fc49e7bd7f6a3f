package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer enrolled by name, through the API or the enrol-customer task, enters whatever the trigger's re_entry
 * policy says: the policy decides who the trigger enrols, and naming the customer is the decision it would make.
 */
class EnrolmentByHandIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void entersACustomerAgainByApiAndByTaskThoughTheTriggerWouldNever() {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(CustomerMother.customer(
                customer, customer + "@example.test", CustomerMother.freshCountry(), Instant.now()));
        Map<String, Object> trigger = new HashMap<>(SmsJourneys.enrolledByHandOnly(api));
        trigger.put("re_entry", "never");
        Response created = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name",
                        "Once by trigger " + UUID.randomUUID(),
                        "trigger",
                        trigger,
                        "steps",
                        List.of(Map.of("id", "done", "type", "end"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID journey = UUID.fromString(created.text("/id"));
        assertThat(api.post("/api/v1/campaigns/journeys/" + journey + "/activate", Map.of())
                        .status())
                .isEqualTo(200);

        Response first = enrolByApi(journey, customer);
        awaitEnded(journey, 1);
        Response again = enrolByApi(journey, customer);
        awaitEnded(journey, 2);
        TaskStatusChanged byTask = tasks().run(
                        "campaign",
                        "enrol-customer",
                        codec.toTree(Map.of("journey_id", journey, "customer_id", customer, "context", Map.of())),
                        PATIENCE)
                .orElseThrow(() -> new AssertionError("enrol-customer got no terminal report"));
        awaitEnded(journey, 3);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(byTask.status()).as(String.valueOf(byTask.errors())).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(jdbc.queryForList(
                        "SELECT id FROM journey_enrolments WHERE journey_id = ? AND customer_id = ?",
                        UUID.class,
                        journey,
                        customer))
                .as("three entries of one customer")
                .hasSize(3)
                .doesNotHaveDuplicates();
    }

    private Response enrolByApi(UUID journey, UUID customer) {
        return api.post(
                "/api/v1/campaigns/journeys/" + journey + "/enrolments",
                Map.of("customer_id", customer, "context", Map.of()));
    }

    private void awaitEnded(UUID journey, int enrolments) {
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM journey_enrolments WHERE journey_id = ? AND status = 'completed'",
                                Long.class,
                                journey)
                        == enrolments);
    }
}
