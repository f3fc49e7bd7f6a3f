package com.agentfactory.campaign.experiment;

import static com.agentfactory.campaign.support.JourneyMother.branch;
import static com.agentfactory.campaign.support.JourneyMother.end;
import static com.agentfactory.campaign.support.JourneyMother.holdout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A journey whose split holds half its customers out, and the experiment comparing the e-mailed with them. */
class HoldoutIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CUSTOMERS = 8;

    @Test
    void comparesTheConversionsOfTheMessagedWithThoseOfTheHeldOut() {
        UUID journey = halfHeldOutJourneyWithEveryoneEnrolled();

        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM sends WHERE journey_id = ? AND status = 'sent'", journey) == 4
                        && count("SELECT count(*) FROM split_assignments WHERE journey_id = ? AND holdout", journey)
                                == 4);
        assertThat(count("SELECT count(*) FROM sends WHERE journey_id = ?", journey))
                .as("nothing is sent to the held out")
                .isEqualTo(4);

        Instant after = jdbc.queryForObject(
                        "SELECT max(sent_at) FROM sends WHERE journey_id = ?", Timestamp.class, journey)
                .toInstant()
                .plus(Duration.ofMinutes(1));
        List<UUID> mailed = customersOf("SELECT customer_id FROM sends WHERE journey_id = ?", journey);
        List<UUID> heldOut =
                customersOf("SELECT customer_id FROM split_assignments WHERE journey_id = ? AND holdout", journey);
        List<CommerceEvent> orders = new ArrayList<>();
        mailed.subList(0, 3).forEach(customer -> orders.add(CustomerMother.order(customer, "25.00", after)));
        // the fourth mailed customer's e-mail went out two hours after the split (as quiet hours would defer it) and
        // they bought in between: measured from the split, as the held out are, the order counts for the mail arm
        UUID deferred = mailed.get(3);
        Instant split = jdbc.queryForObject(
                        "SELECT assigned_at FROM split_assignments WHERE journey_id = ? AND customer_id = ?",
                        Timestamp.class,
                        journey,
                        deferred)
                .toInstant();
        jdbc.update(
                "UPDATE sends SET sent_at = ? WHERE journey_id = ? AND customer_id = ?",
                Timestamp.from(split.plus(Duration.ofHours(2))),
                journey,
                deferred);
        orders.add(CustomerMother.order(deferred, "25.00", split.plus(Duration.ofMinutes(30))));
        heldOut.subList(0, 1).forEach(customer -> orders.add(CustomerMother.order(customer, "25.00", after)));
        commerce.publishAndWait(orders.toArray(CommerceEvent[]::new));

        JsonNode result = analyse(journey);

        assertThat(result.path("control").asString()).isEqualTo("held_out");
        Map<String, JsonNode> arms = armsByLabel(result);
        assertThat(arms.get("held_out").path("units").asLong()).isEqualTo(4);
        assertThat(arms.get("held_out").path("sum").asDouble()).isEqualTo(1.0);
        assertThat(arms.get("mail").path("units").asLong()).isEqualTo(4);
        assertThat(arms.get("mail").path("sum").asDouble()).isEqualTo(4.0);
    }

    @Test
    void countsACustomerWhoEntersThreeTimesAsOneUnitAndComputesTheIntervalOnCustomers() {
        UUID journey = halfHeldOutJourneyWithEveryoneEnrolled();
        awaitAllDone(journey, 4);
        List<UUID> mailed = customersOf("SELECT customer_id FROM sends WHERE journey_id = ?", journey);
        List<UUID> heldOut =
                customersOf("SELECT customer_id FROM split_assignments WHERE journey_id = ? AND holdout", journey);
        // two of each arm entered six days ago, again three days ago, and a third time now
        List<UUID> returning = new ArrayList<>(mailed.subList(0, 2));
        returning.addAll(heldOut.subList(0, 2));
        String[] returningIds = returning.stream().map(UUID::toString).toArray(String[]::new);
        for (int entry = 2; entry <= 3; entry++) {
            shiftThreeDaysBack(journey, returningIds);
            EmailJourneys.enrolAll(api, journey, returning);
            awaitAllDone(journey, 4 + 2 * (entry - 1));
        }
        assertThat(count(
                        "SELECT count(*) FROM journey_enrolments WHERE journey_id = ? AND customer_id = '"
                                + mailed.getFirst() + "'",
                        journey))
                .isEqualTo(3);
        // the first returning mailed customer bought after their first entry only; the second after their second
        // entry, inside the first's window too; of the others one mailed and one held-out customer bought
        Instant firstOfFirst = assignments(journey, mailed.get(0)).get(0);
        Instant secondOfSecond = assignments(journey, mailed.get(1)).get(1);
        commerce.publishAndWait(
                CustomerMother.order(mailed.get(0), "25.00", firstOfFirst.plus(Duration.ofDays(1))),
                CustomerMother.order(mailed.get(1), "25.00", secondOfSecond.plus(Duration.ofHours(1))),
                CustomerMother.order(mailed.get(2), "25.00", Instant.now()),
                CustomerMother.order(heldOut.get(2), "25.00", Instant.now()));

        JsonNode result = analyse(journey);

        Map<String, JsonNode> arms = armsByLabel(result);
        assertThat(arms.get("mail").path("units").asLong())
                .as("one unit per customer, not one per entry (8)")
                .isEqualTo(4);
        assertThat(arms.get("held_out").path("units").asLong())
                .as("one unit per customer, not one per entry (8)")
                .isEqualTo(4);
        assertThat(arms.get("mail").path("sum").asDouble())
                .as("a customer converts once however many of their entries' windows hold an order")
                .isEqualTo(3.0);
        assertThat(arms.get("held_out").path("sum").asDouble()).isEqualTo(1.0);
        TwoProportionTest.Result onCustomers = TwoProportionTest.compare(4, 1, 4, 3, 0.05);
        JsonNode comparison = result.path("comparisons").get(0);
        assertThat(comparison.path("ci_low").asDouble()).isCloseTo(onCustomers.ciLow(), within(1e-9));
        assertThat(comparison.path("ci_high").asDouble()).isCloseTo(onCustomers.ciHigh(), within(1e-9));
        assertThat(result.path("sample_ratio").path("mismatch").asBoolean()).isFalse();
    }

    @Test
    void countsACustomerAssignedToTwoArmsOnlyInTheArmOfTheirFirstAssignment() {
        UUID journey = halfHeldOutJourneyWithEveryoneEnrolled();
        awaitAllDone(journey, 4);
        UUID moved = customersOf("SELECT customer_id FROM sends WHERE journey_id = ?", journey)
                .getFirst();
        Instant mailedAt = assignments(journey, moved).getFirst();
        // an older entry held them out (as before the split was edited): that assignment decides their arm
        jdbc.update("""
                INSERT INTO split_assignments (journey_id, step_id, enrolment_id, customer_id, stratum, branch_index,
                                               next_step, holdout, position, assigned_at)
                VALUES (?, 'split', ?, ?, NULL, 1, 'held_out', true, NULL, ?)
                """, journey, UUID.randomUUID(), moved, Timestamp.from(mailedAt.minus(Duration.ofDays(10))));
        // bought in the window of their mail, not of their holdout: their entry in the mail arm is left out
        commerce.publishAndWait(CustomerMother.order(moved, "25.00", mailedAt.plus(Duration.ofHours(1))));

        JsonNode result = analyse(journey);

        Map<String, JsonNode> arms = armsByLabel(result);
        assertThat(arms.get("held_out").path("units").asLong()).isEqualTo(5);
        assertThat(arms.get("held_out").path("sum").asDouble()).isZero();
        assertThat(arms.get("mail").path("units").asLong()).isEqualTo(3);
        assertThat(arms.get("mail").path("sum").asDouble()).isZero();
    }

    private void awaitAllDone(UUID journey, long sends) {
        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM sends WHERE journey_id = ?", journey) == sends
                        && count(
                                        "SELECT count(*) FROM journey_enrolments WHERE journey_id = ?"
                                                + " AND status = 'active'",
                                        journey)
                                == 0);
    }

    private void shiftThreeDaysBack(UUID journey, String[] customerIds) {
        for (String update : List.of(
                "UPDATE journey_enrolments SET entered_at = entered_at - interval '3 days'"
                        + " WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)",
                "UPDATE split_assignments SET assigned_at = assigned_at - interval '3 days'"
                        + " WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)",
                "UPDATE sends SET created_at = created_at - interval '3 days', sent_at = sent_at - interval '3 days'"
                        + " WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)")) {
            jdbc.update(update, journey, customerIds);
        }
    }

    /** The customer's assignments at the journey's split, oldest first. */
    private List<Instant> assignments(UUID journey, UUID customer) {
        return jdbc
                .queryForList(
                        "SELECT assigned_at FROM split_assignments WHERE journey_id = ? AND customer_id = ?"
                                + " ORDER BY assigned_at",
                        Timestamp.class,
                        journey,
                        customer)
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    @Test
    void refusesAHoldoutArmMeasuredOnOpens() {
        Response created = api.post(
                "/api/v1/campaigns/journeys",
                JourneyMother.enrolledByHand(
                        api,
                        "Holdout opens",
                        JourneyMother.split("split", branch("mailed", 9, "mail"), holdout("held out", 1, "held_out")),
                        Map.of("id", "mail", "type", "email", "template", "final_abandoned_cart"),
                        end("done"),
                        end("held_out")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        Response refused = api.post(
                ExperimentMother.EXPERIMENTS,
                ExperimentMother.experiment(
                        "Opens of the held out",
                        UUID.fromString(created.text("/id")),
                        "held_out",
                        List.of("mail"),
                        "opened"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("control_step").contains("conversions only");
    }

    /**
     * An active journey whose split e-mails half its customers and holds the other half out, with 8 new customers who
     * consented to e-mail enrolled in it: 4 and 4.
     */
    private UUID halfHeldOutJourneyWithEveryoneEnrolled() {
        List<UUID> customers = EmailJourneys.consentingCustomers(commerce, api, CUSTOMERS);
        String stratum = JourneyMother.countrySegment(api, "Holdout stratum", CustomerMother.freshCountry());
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Holdout",
                        // one stratum for all: the permuted blocks make the arms 4 and 4
                        JourneyMother.stratifiedSplit(
                                "split",
                                List.of(stratum),
                                branch("mailed", 1, "mail"),
                                holdout("held out", 1, "held_out")),
                        Map.of("id", "mail", "type", "email", "template", "final_abandoned_cart"),
                        end("done"),
                        end("held_out", "held out")));
        EmailJourneys.enrolAll(api, journey, customers);
        return journey;
    }

    private JsonNode analyse(UUID journey) {
        String experiment = ExperimentMother.create(
                api, ExperimentMother.onConversions("Holdout lift", journey, "held_out", "mail"));
        return api.get(ExperimentMother.EXPERIMENTS + "/" + experiment + "/results")
                .body()
                .path("result");
    }

    private static Map<String, JsonNode> armsByLabel(JsonNode result) {
        Map<String, JsonNode> arms = new HashMap<>();
        result.path("arms").forEach(arm -> arms.put(arm.path("label").asString(), arm));
        return arms;
    }

    private long count(String sql, UUID journey) {
        return jdbc.queryForObject(sql, Long.class, journey);
    }

    private List<UUID> customersOf(String sql, UUID journey) {
        return jdbc.queryForList(sql, UUID.class, journey);
    }
}
