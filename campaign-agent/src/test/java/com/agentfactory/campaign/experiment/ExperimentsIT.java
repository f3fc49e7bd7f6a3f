package com.agentfactory.campaign.experiment;

import static com.agentfactory.campaign.support.JourneyMother.branch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ExperimentsIT extends CampaignIntegrationTest {

    private static final JsonMapper EDITS = JsonMapper.builder().build();

    private final EnvelopeCodec codec = new EnvelopeCodec();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password}")
    String databasePassword;

    @Autowired
    Environment environment;

    @Autowired
    ExperimentRepository experiments;

    @Test
    void judgesASplitsArmsOnConversionsThroughTheApiAndTheAbCommandAlike() {
        UUID journey = splitJourney();
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID customer = SmsJourneys.consentingCustomer(commerce, api);
            customers.add(customer);
            EmailJourneys.enrol(api, journey, customer);
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM sends WHERE journey_id = ? AND status = 'sent'",
                                Integer.class,
                                journey)
                        == 12);
        // the first four customers buy after their text
        for (UUID buyer : customers.subList(0, 4)) {
            commerce.publishAndWait(CustomerMother.order(buyer, "30.00", Instant.now()));
        }
        Map<String, Integer> buyersPerArm = new HashMap<>();
        for (UUID buyer : customers.subList(0, 4)) {
            String arm = jdbc.queryForObject(
                    "SELECT step_id FROM sends WHERE journey_id = ? AND customer_id = ?", String.class, journey, buyer);
            buyersPerArm.merge(arm, 1, Integer::sum);
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM customer_orders WHERE customer_id IN (?, ?, ?, ?)",
                                Integer.class,
                                customers.subList(0, 4).toArray())
                        == 4);

        Response created = api.post(
                ExperimentMother.EXPERIMENTS,
                ExperimentMother.onConversions("Text A or B", journey, "text_a", "text_b"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.body().path("alpha").asDouble()).isEqualTo(0.05);

        Response results = api.get("/api/v1/campaigns/experiments/" + id + "/results");
        assertThat(results.status()).isEqualTo(200);
        JsonNode result = results.body().path("result");
        long units = 0;
        for (JsonNode arm : result.path("arms")) {
            units += arm.path("units").asLong();
            assertThat(arm.path("sum").asInt())
                    .as(arm.path("label").asString())
                    .isEqualTo(buyersPerArm.getOrDefault(arm.path("label").asString(), 0));
        }
        assertThat(units).isEqualTo(12);
        assertThat(result.path("decision").asString()).isEqualTo("keep_running");
        assertThat(result.path("reason").asString()).isNotBlank();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AbCommand.run(
                new String[] {
                    "--experiment", id,
                    "--database-url", databaseUrl,
                    "--user", databaseUser,
                    "--password", databasePassword
                },
                new PrintStream(out),
                new PrintStream(err));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode fromCommand = AbCommand.JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(fromCommand.path("arms")).isEqualTo(result.path("arms"));
        assertThat(fromCommand.path("decision")).isEqualTo(result.path("decision"));

        TaskStatusChanged analysed = tasks().run(
                        "campaign", "analyse-experiment", codec.toTree(Map.of("experiment_id", id)), PATIENCE)
                .orElseThrow(() -> new AssertionError("analyse-experiment got no terminal report"));
        assertThat(analysed.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(analysed.output().path("result").path("arms")).isEqualTo(result.path("arms"));
    }

    @Test
    void theAnalyseTaskFailsAsNotFoundForAnUnknownExperiment() {
        TaskStatusChanged failed = tasks().run(
                        "campaign",
                        "analyse-experiment",
                        codec.toTree(Map.of("experiment_id", UUID.randomUUID())),
                        PATIENCE)
                .orElseThrow(() -> new AssertionError("analyse-experiment got no terminal report"));

        assertThat(failed.failure()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void refusesArmsThatAreNotSendStepsOfTheJourneyNamingEachField() {
        UUID journey = splitJourney();

        Response refused = api.post(
                ExperimentMother.EXPERIMENTS,
                ExperimentMother.onConversions("Broken", journey, "arm", "nowhere", "text_b"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("control_step", "treatment_steps[0]");
    }

    @Test
    void expectsTheWeightOfTheBranchAnArmIsReachedFromThroughAWait() {
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Weighted",
                        JourneyMother.split("arm", branch("a", 7, "pause_a"), branch("b", 3, "text_b")),
                        Map.of("id", "pause_a", "type", "wait", "duration", "1 hour"),
                        Map.of("id", "text_a", "type", "sms", "template", "exp_text", "next", "done"),
                        Map.of("id", "text_b", "type", "sms", "template", "exp_text", "next", "done"),
                        JourneyMother.end("done")));

        Response created = api.post(
                ExperimentMother.EXPERIMENTS, ExperimentMother.onConversions("Weighted", journey, "text_a", "text_b"));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        // an even expectation would find 70/30 a sample-ratio mismatch for ever
        assertThat(experiments.armShares(journey, List.of("text_a", "text_b"))).containsExactly(7.0, 3.0);
    }

    @Test
    void measuresAnArmReachedThroughAWaitFromTheSplitNotFromItsDelivery() {
        List<UUID> customers = EmailJourneys.consentingCustomers(commerce, api, 8);
        UUID journey = mailedStraightOrAfterAWait(
                "Waits first", customers, Map.of("id", "pause_b", "type", "wait", "duration", "2 seconds"));
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM sends WHERE journey_id = ? AND status = 'sent'",
                                Integer.class,
                                journey)
                        == 8);
        List<UUID> armA = sentTo(journey, "mail_a");
        List<UUID> armB = sentTo(journey, "mail_b");
        assertThat(armB).hasSize(4);
        // arm B's wait as if it had lasted three days: split ten days ago, mail delivered seven days ago
        String[] armBIds = armB.stream().map(UUID::toString).toArray(String[]::new);
        jdbc.update(
                "UPDATE split_assignments SET assigned_at = assigned_at - interval '10 days'"
                        + " WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)",
                journey,
                armBIds);
        jdbc.update(
                "UPDATE sends SET created_at = created_at - interval '7 days', sent_at = sent_at - interval '7 days'"
                        + " WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)",
                journey,
                armBIds);
        // two of B buy on the second day after the split, before their mail; one on the eighth, after the window
        // that opened at the split closed but within a week of the mail; one of A buys an hour after its split
        commerce.publishAndWait(
                CustomerMother.order(
                        armB.get(0), "30.00", assignedAt(journey, armB.get(0)).plus(Duration.ofDays(2))),
                CustomerMother.order(
                        armB.get(1), "30.00", assignedAt(journey, armB.get(1)).plus(Duration.ofDays(2))),
                CustomerMother.order(
                        armB.get(2), "30.00", assignedAt(journey, armB.get(2)).plus(Duration.ofDays(8))),
                CustomerMother.order(
                        armA.get(0), "30.00", assignedAt(journey, armA.get(0)).plus(Duration.ofHours(1))));

        String id = ExperimentMother.create(
                api, ExperimentMother.onConversions("Straight or after a wait", journey, "mail_a", "mail_b"));
        JsonNode arms = api.get(ExperimentMother.EXPERIMENTS + "/" + id + "/results")
                .body()
                .path("result")
                .path("arms");

        Map<String, Double> conversions = new HashMap<>();
        arms.forEach(arm ->
                conversions.put(arm.path("label").asString(), arm.path("sum").asDouble()));
        assertThat(conversions)
                .as("each arm's window opens at the split that assigned the customer")
                .containsEntry("mail_a", 1.0)
                .containsEntry("mail_b", 2.0);
    }

    @Test
    void countsACustomerWhoOrdersDuringTheWaitBeforeTheirArmsSendAsAMemberAndAConversionOfThatArm() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Order ends the wait");

        String id = ExperimentMother.create(
                api,
                ExperimentMother.onConversions("Straight or after a wait for an order", journey, "mail_a", "mail_b"));

        Map<String, JsonNode> byLabel = armsByLabel(id);
        assertThat(byLabel.get("mail_b").path("units").asLong())
                .as("every customer the split sent down the branch, mailed or not")
                .isEqualTo(2);
        assertThat(byLabel.get("mail_b").path("sum").asDouble())
                .as("the order during the wait converts for the arm")
                .isEqualTo(1.0);
        assertThat(byLabel.get("mail_a").path("units").asLong()).isEqualTo(2);
        assertThat(byLabel.get("mail_a").path("sum").asDouble()).isZero();
    }

    @Test
    void countsEachCustomerInTheArmTheSplitGaveThemThoughTheJourneyWasEditedSince() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Edited after the split");
        String id = ExperimentMother.create(
                api, ExperimentMother.onConversions("Before the edit", journey, "mail_a", "mail_b"));
        // branch b re-pointed at arm A's mail, as a fix made straight in the stored definition could: both branches
        // now lead to mail_a and none to mail_b
        ObjectNode definition = (ObjectNode) EDITS.readTree(
                jdbc.queryForObject("SELECT definition FROM journeys WHERE id = ?", String.class, journey));
        ((ObjectNode) definition.path("steps").get(0).path("branches").get(1)).put("next", "mail_a");
        jdbc.update("UPDATE journeys SET definition = ? WHERE id = ?", EDITS.writeValueAsString(definition), journey);

        Map<String, JsonNode> byLabel = armsByLabel(id);

        assertThat(byLabel.get("mail_b").path("units").asLong())
                .as("the customers the split sent down branch b, mailed or not, though it leads elsewhere now")
                .isEqualTo(2);
        assertThat(byLabel.get("mail_b").path("sum").asDouble()).isEqualTo(1.0);
        assertThat(byLabel.get("mail_a").path("units").asLong()).isEqualTo(2);
        assertThat(byLabel.get("mail_a").path("sum").asDouble()).isZero();
    }

    @Test
    void readsAnAssignmentRecordedBeforeItKeptItsArmFromTheJourneyAsItIsNow() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Assigned before arms were kept");
        jdbc.update("UPDATE split_assignments SET arm_steps = NULL WHERE journey_id = ?", journey);

        Map<String, JsonNode> byLabel = armsByLabel(ExperimentMother.create(
                api, ExperimentMother.onConversions("Older assignments", journey, "mail_a", "mail_b")));

        assertThat(byLabel.get("mail_b").path("units").asLong())
                .as("branch b leads to mail_b through its wait")
                .isEqualTo(2);
        assertThat(byLabel.get("mail_b").path("sum").asDouble()).isEqualTo(1.0);
        assertThat(byLabel.get("mail_a").path("units").asLong()).isEqualTo(2);
    }

    @Test
    void leavesACustomerStillWaitingBeforeTheirArmsMailOutOfItsOpensUntilTheyLeaveTheJourney() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Opens straight or after a wait");
        // one of arm A's two mails opened, as its tracking pixel records it
        jdbc.update(
                "INSERT INTO send_events (send_id, kind, customer_id, journey_id, channel, first_at, last_at)"
                        + " SELECT id, 'opened', customer_id, journey_id, channel, now(), now() FROM sends"
                        + " WHERE journey_id = ? AND customer_id = ?",
                journey,
                sentTo(journey, "mail_a").getFirst());

        Map<String, JsonNode> byLabel = armsByLabel(ExperimentMother.create(
                api,
                ExperimentMother.experiment(
                        "Opens of a mail now or after a wait", journey, "mail_a", List.of("mail_b"), "opened")));

        assertThat(byLabel.get("mail_b").path("units").asLong())
                .as("the customer whose order ended the wait counts as not opening; the one still waiting not yet")
                .isEqualTo(1);
        assertThat(byLabel.get("mail_b").path("sum").asDouble()).isZero();
        assertThat(byLabel.get("mail_a").path("units").asLong()).isEqualTo(2);
        assertThat(byLabel.get("mail_a").path("sum").asDouble()).isEqualTo(1.0);
    }

    @Test
    void measuresASendBothBranchesLeadToFromTheSplitAsForAssignmentsRecordedBeforeTheyKeptTheirArm() {
        List<UUID> customers = EmailJourneys.consentingCustomers(commerce, api, 4);
        String stratum = JourneyMother.countrySegment(api, "Shared mail stratum", CustomerMother.freshCountry());
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Shared mail",
                        List.of(
                                JourneyMother.stratifiedSplit(
                                        "arm", List.of(stratum), branch("a", 1, "pause_a"), branch("b", 1, "pause_b")),
                                Map.of("id", "pause_a", "type", "wait", "duration", "2 seconds", "next", "shared"),
                                Map.of("id", "pause_b", "type", "wait", "duration", "2 seconds", "next", "shared"),
                                Map.of(
                                        "id",
                                        "shared",
                                        "type",
                                        "email",
                                        "template",
                                        "final_abandoned_cart",
                                        "next",
                                        "done"),
                                JourneyMother.end("done"))));
        EmailJourneys.enrolAll(api, journey, customers);
        await().atMost(PATIENCE)
                .until(() ->
                        count("SELECT count(*) FROM sends WHERE journey_id = ? AND status = 'sent'", journey) == 4);
        // every mail delivered three days after its split: split ten days ago, mail seven
        jdbc.update(
                "UPDATE split_assignments SET assigned_at = assigned_at - interval '10 days' WHERE journey_id = ?",
                journey);
        jdbc.update(
                "UPDATE sends SET created_at = created_at - interval '7 days', sent_at = sent_at - interval '7 days'"
                        + " WHERE journey_id = ?",
                journey);
        // one customer buys on the second day after the split, before their mail
        UUID buyer = sentTo(journey, "shared").getFirst();
        commerce.publishAndWait(
                CustomerMother.order(buyer, "30.00", assignedAt(journey, buyer).plus(Duration.ofDays(2))));

        double[] recorded = experiments
                .units(journey, List.of("shared"), "converted", Duration.ofDays(7))
                .get("shared")
                .values();
        jdbc.update("UPDATE split_assignments SET arm_steps = NULL WHERE journey_id = ?", journey);
        double[] unrecorded = experiments
                .units(journey, List.of("shared"), "converted", Duration.ofDays(7))
                .get("shared")
                .values();

        assertThat(recorded).hasSize(4);
        assertThat(Arrays.stream(recorded).sum())
                .as("the order before the mail falls in the window opened by the split")
                .isEqualTo(1.0);
        assertThat(recorded).containsExactly(unrecorded);
    }

    @Test
    void countsACustomerStillWaitingBeforeTheirArmsMailAmongTheArmsAssignmentsForTheSampleRatioCheck() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Assigned though still waiting");

        Map<String, ExperimentRepository.ArmUnits> arms =
                experiments.units(journey, List.of("mail_a", "mail_b"), "opened", Duration.ofDays(7));

        assertThat(arms.get("mail_b").values())
                .as("the one still waiting has no opens to measure yet")
                .hasSize(1);
        assertThat(arms.get("mail_b").assigned())
                .as("but the split gave arm B two customers, as it gave arm A")
                .isEqualTo(2);
        assertThat(arms.get("mail_a").assigned()).isEqualTo(2);
    }

    @Test
    void showsEachArmsAssignmentsBesideItsUnitsInTheExperimentsResults() {
        UUID journey = orderEndingTheWaitBeforeArmBsMail("Assignments shown");

        Map<String, JsonNode> byLabel = armsByLabel(ExperimentMother.create(
                api,
                ExperimentMother.experiment(
                        "Assignments beside the opens measured", journey, "mail_a", List.of("mail_b"), "opened")));

        assertThat(byLabel.get("mail_b").path("units").asLong()).isEqualTo(1);
        assertThat(byLabel.get("mail_b").path("assigned").asLong())
                .as("the sample-ratio check weighs the one still waiting too, so the results show it")
                .isEqualTo(2);
        assertThat(byLabel.get("mail_a").path("units").asLong()).isEqualTo(2);
        assertThat(byLabel.get("mail_a").path("assigned").asLong()).isEqualTo(2);
    }

    @Test
    void leavesACustomerWaitingForTheEventThatLeadsToTheirArmsMailOutOfItsOpens() {
        List<UUID> customers = EmailJourneys.consentingCustomers(commerce, api, 4);
        UUID journey = mailedStraightOrAfterAWait(
                "Mailed on an order, else ended",
                customers,
                Map.of(
                        "id",
                        "wait_b",
                        "type",
                        "wait",
                        "event",
                        "order.placed",
                        "timeout",
                        "1 hour",
                        "on_event",
                        "mail_b",
                        "next",
                        "done"));
        awaitTwoMailedTwoWaitingForAnOrder(journey);

        Map<String, ExperimentRepository.ArmUnits> arms =
                experiments.units(journey, List.of("mail_a", "mail_b"), "opened", Duration.ofDays(7));

        assertThat(arms.get("mail_b").values())
                .as("both still wait for the order that would bring them mail_b: no outcome yet")
                .isEmpty();
        assertThat(arms.get("mail_b").assigned()).isEqualTo(2);
    }

    @Test
    void countsACustomerWhoseOrderDuringTheWaitSentThemDownItsOtherPathAsNotOpeningTheirArmsMail() {
        UUID journey = orderDuringTheWaitBeforeArmBsMail(
                "Thanked for an order instead",
                Map.of("id", "thanks", "type", "wait", "duration", "1 hour", "next", "done"),
                "status = 'active' AND current_step = 'done'");

        Map<String, ExperimentRepository.ArmUnits> arms =
                experiments.units(journey, List.of("mail_a", "mail_b"), "opened", Duration.ofDays(7));

        assertThat(arms.get("mail_b").values())
                .as("the buyer, still in the journey but where mail_b can no longer be reached, opened nothing")
                .containsExactly(0.0);
        assertThat(arms.get("mail_b").assigned()).isEqualTo(2);
    }

    /**
     * A journey whose split mails two of four customers at once (mail_a) and makes the other two wait an hour for an
     * order before their mail (mail_b): the first of them orders, which ends their journey before the mail, and the
     * other still waits.
     */
    private UUID orderEndingTheWaitBeforeArmBsMail(String name) {
        return orderDuringTheWaitBeforeArmBsMail(
                name, JourneyMother.end("bought", "bought"), "status = 'completed' AND end_reason = 'bought'");
    }

    /**
     * As {@link #orderEndingTheWaitBeforeArmBsMail}, the order sending the first of the waiting two to {@code
     * afterOrder} instead, once their enrolment is as {@code buyerThen} (a condition on journey_enrolments) says.
     */
    private UUID orderDuringTheWaitBeforeArmBsMail(String name, Map<String, Object> afterOrder, String buyerThen) {
        List<UUID> customers = EmailJourneys.consentingCustomers(commerce, api, 4);
        UUID journey = mailedStraightOrAfterAWait(
                name,
                customers,
                Map.of(
                        "id",
                        "wait_b",
                        "type",
                        "wait",
                        "event",
                        "order.placed",
                        "timeout",
                        "1 hour",
                        "on_event",
                        afterOrder.get("id")),
                afterOrder);
        awaitTwoMailedTwoWaitingForAnOrder(journey);
        UUID buyer = jdbc.queryForList(
                        "SELECT customer_id FROM split_assignments WHERE journey_id = ? AND next_step = 'wait_b'"
                                + " ORDER BY customer_id",
                        UUID.class,
                        journey)
                .getFirst();
        commerce.publishAndWait(CustomerMother.order(buyer, "30.00", Instant.now()));
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM journey_enrolments WHERE journey_id = ? AND customer_id = ? AND "
                                        + buyerThen,
                                Integer.class,
                                journey,
                                buyer)
                        == 1);
        assertThat(sentTo(journey, "mail_b")).isEmpty();
        return journey;
    }

    /** Until two of the journey's customers have had their mail and the other two wait for an order. */
    private void awaitTwoMailedTwoWaitingForAnOrder(UUID journey) {
        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM sends WHERE journey_id = ? AND status = 'sent'", journey) == 2
                        && count(
                                        "SELECT count(*) FROM journey_enrolments WHERE journey_id = ?"
                                                + " AND status = 'active' AND waiting_for = 'order.placed'",
                                        journey)
                                == 2);
    }

    /**
     * An active journey with the customers enrolled whose split sends half of them straight to mail_a and half to
     * {@code waitOfB}, which goes on to mail_b; both mails end at done, and {@code moreSteps} follow. One stratum
     * for all, so the split's permuted blocks make the arms even.
     */
    @SafeVarargs
    private UUID mailedStraightOrAfterAWait(
            String name, List<UUID> customers, Map<String, Object> waitOfB, Map<String, Object>... moreSteps) {
        String stratum = JourneyMother.countrySegment(api, name + " stratum", CustomerMother.freshCountry());
        List<Map<String, Object>> steps = new ArrayList<>(List.of(
                JourneyMother.stratifiedSplit(
                        "arm", List.of(stratum), branch("a", 1, "mail_a"), branch("b", 1, (String) waitOfB.get("id"))),
                Map.of("id", "mail_a", "type", "email", "template", "final_abandoned_cart", "next", "done"),
                waitOfB,
                Map.of("id", "mail_b", "type", "email", "template", "final_abandoned_cart", "next", "done"),
                JourneyMother.end("done")));
        steps.addAll(List.of(moreSteps));
        UUID journey = JourneyMother.createActive(api, JourneyMother.enrolledByHand(api, name, steps));
        EmailJourneys.enrolAll(api, journey, customers);
        return journey;
    }

    private Map<String, JsonNode> armsByLabel(String experiment) {
        Map<String, JsonNode> byLabel = new HashMap<>();
        api.get(ExperimentMother.EXPERIMENTS + "/" + experiment + "/results")
                .body()
                .path("result")
                .path("arms")
                .forEach(arm -> byLabel.put(arm.path("label").asString(), arm));
        return byLabel;
    }

    private int count(String sql, UUID journey) {
        return jdbc.queryForObject(sql, Integer.class, journey);
    }

    private List<UUID> sentTo(UUID journey, String step) {
        return jdbc.queryForList(
                "SELECT customer_id FROM sends WHERE journey_id = ? AND step_id = ? ORDER BY customer_id",
                UUID.class,
                journey,
                step);
    }

    private Instant assignedAt(UUID journey, UUID customer) {
        return jdbc.queryForObject(
                        "SELECT assigned_at FROM split_assignments WHERE journey_id = ? AND customer_id = ?",
                        Timestamp.class,
                        journey,
                        customer)
                .toInstant();
    }

    @Test
    void refusesAnArmBothBranchesOfTheSplitLeadToNamingIt() {
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Joined",
                        JourneyMother.split("arm", branch("a", 1, "text_a"), branch("b", 1, "text_b")),
                        Map.of("id", "text_a", "type", "sms", "template", "exp_text", "next", "text_b"),
                        Map.of("id", "text_b", "type", "sms", "template", "exp_text", "next", "done"),
                        JourneyMother.end("done")));

        Response refused = api.post(
                ExperimentMother.EXPERIMENTS, ExperimentMother.onConversions("Joined", journey, "text_a", "text_b"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("treatment_steps[0]");
        assertThat(refused.text("/errors/0/message")).contains("reached from 2 branches");
    }

    @Test
    void refusesAnUnknownJourneyAndAnUnknownMetric() {
        Response unknownJourney = api.post(
                ExperimentMother.EXPERIMENTS,
                ExperimentMother.onConversions("No journey", UUID.randomUUID(), "a", "b"));
        Response unknownMetric = api.post(
                ExperimentMother.EXPERIMENTS,
                ExperimentMother.experiment("Bad metric", UUID.randomUUID(), "a", List.of("b"), "revenue"));

        assertThat(unknownJourney.status()).isEqualTo(422);
        assertThat(unknownJourney.errorFields()).containsExactly("journey_id");
        assertThat(unknownMetric.status()).isEqualTo(400);
        assertThat(unknownMetric.errorFields()).containsExactly("metric");
    }

    @Test
    void listsAJourneysExperimentsNewestFirst() {
        UUID journey = splitJourney();
        String older = createExperiment(journey, "Older");
        String newer = createExperiment(journey, "Newer");
        createExperiment(splitJourney(), "Elsewhere");

        Response listed = api.get("/api/v1/campaigns/experiments?journey_id=" + journey);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("pagination").path("total").asLong()).isEqualTo(2);
        assertThat(listed.text("/items/0/id")).isEqualTo(newer);
        assertThat(listed.text("/items/1/id")).isEqualTo(older);
        assertThat(listed.text("/items/0/control_step")).isEqualTo("text_a");
        assertThat(api.get("/api/v1/campaigns/experiments?limit=1")
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/experiments?journey_id=nope").status())
                .isEqualTo(400);
    }

    @Test
    void answersConflictNotAnErrorToTheLoserOfTwoCreatesOfOneNameAtOnce() throws Exception {
        UUID journey = splitJourney();
        Map<String, Object> experiment = ExperimentMother.onConversions("Race", journey, "text_a", "text_b");
        try (Connection other = LockWaits.secondConnection(environment);
                var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            // another instance's create of the same name, past its name check and not yet committed
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO experiments (id, name, journey_id, control_step, treatment_steps, metric, alpha, power,
                                             mde, tau, created_by, created_at)
                    VALUES (?, ?, ?, 'text_a', 'text_b', 'converted', 0.05, 0.8, 0.05, 0.01, 'another instance', now())
                    """)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, ((String) experiment.get("name")).toUpperCase(java.util.Locale.ROOT));
                insert.setObject(3, journey);
                insert.executeUpdate();
            }
            Future<Response> create = caller.submit(() -> api.post(ExperimentMother.EXPERIMENTS, experiment));
            // the API's check saw no such name; its insert now waits on the unique index for the other transaction
            LockWaits.awaitStatementWaitingForLock(jdbc, "INSERT INTO experiments", create);
            other.commit();

            Response loser = create.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(loser.status()).as(String.valueOf(loser.body())).isEqualTo(409);
            assertThat(loser.text("/detail")).contains("exists already");
        }
    }

    private String createExperiment(UUID journey, String name) {
        return ExperimentMother.create(api, ExperimentMother.onConversions(name, journey, "text_a", "text_b"));
    }

    @Test
    void answersNotFoundForAnUnknownExperiment() {
        assertThat(api.get("/api/v1/campaigns/experiments/" + UUID.randomUUID() + "/results")
                        .status())
                .isEqualTo(404);
    }

    /** An active journey that texts one of two ways, half its customers each. */
    private UUID splitJourney() {
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Split",
                        JourneyMother.split("arm", branch("a", 1, "text_a"), branch("b", 1, "text_b")),
                        Map.of("id", "text_a", "type", "sms", "template", "exp_text", "next", "done"),
                        Map.of("id", "text_b", "type", "sms", "template", "exp_text", "next", "done"),
                        JourneyMother.end("done")));
        api.put("/api/v1/campaigns/templates/sms/exp_text", Map.of("body", "Hello"));
        return journey;
    }
}
