package com.agentfactory.campaign.journey;

import static com.agentfactory.campaign.support.JourneyMother.branch;
import static com.agentfactory.campaign.support.JourneyMother.end;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StratifiedSplitIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PER_STRATUM = 12;

    @Test
    void splitsEachSegmentInTheWeightsProportionAndKeepsACustomersBranch() {
        String vipCountry = CustomerMother.freshCountry();
        String otherCountry = CustomerMother.freshCountry();
        UUID vips = UUID.fromString(JourneyMother.countrySegment(api, "VIPs", vipCountry));
        List<UUID> vipCustomers = customers(PER_STRATUM);
        List<UUID> otherCustomers = customers(PER_STRATUM);
        List<CommerceEvent> events = new ArrayList<>();
        vipCustomers.forEach(
                id -> events.add(CustomerMother.customer(id, id + "@example.test", vipCountry, Instant.now())));
        otherCustomers.forEach(
                id -> events.add(CustomerMother.customer(id, id + "@example.test", otherCountry, Instant.now())));
        commerce.publishAndWait(events.toArray(CommerceEvent[]::new));
        UUID journey = JourneyMother.createActive(
                api,
                JourneyMother.enrolledByHand(
                        api,
                        "Stratified",
                        JourneyMother.stratifiedSplit(
                                "split",
                                List.of(vips.toString()),
                                branch("control", 50, "a"),
                                branch("treatment", 50, "b")),
                        end("a", "control"),
                        end("b", "treatment")));

        EmailJourneys.enrolAll(api, journey, vipCustomers);
        EmailJourneys.enrolAll(api, journey, otherCustomers);
        await().atMost(PATIENCE).until(() -> completed(journey) == 2L * PER_STRATUM);

        assertThat(armsOf(journey, vipCustomers))
                .as("the VIP stratum, half and half")
                .containsExactlyInAnyOrderEntriesOf(Map.of("control", 6L, "treatment", 6L));
        assertThat(armsOf(journey, otherCustomers))
                .as("everybody else, half and half")
                .containsExactlyInAnyOrderEntriesOf(Map.of("control", 6L, "treatment", 6L));
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT stratum FROM split_assignments WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?)",
                        String.class,
                        journey,
                        texts(vipCustomers)))
                .containsExactly(vips.toString());

        UUID returning = vipCustomers.getFirst();
        String firstBranch = endReasons(journey, returning).getFirst();
        EmailJourneys.enrol(api, journey, returning);
        await().atMost(PATIENCE).until(() -> endReasons(journey, returning).size() == 2);
        assertThat(endReasons(journey, returning)).containsOnly(firstBranch);
    }

    @Test
    void refusesStrataThatAreNotSegments() {
        Response refused = api.post(
                "/api/v1/campaigns/journeys",
                JourneyMother.enrolledByHand(
                        api,
                        "Unknown strata",
                        JourneyMother.stratifiedSplit(
                                "split",
                                List.of(UUID.randomUUID().toString()),
                                branch("a", 1, "a"),
                                branch("b", 1, "b")),
                        end("a"),
                        end("b")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("steps[0].strata[0]");
    }

    private static List<UUID> customers(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static String[] texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private long completed(UUID journey) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM journey_enrolments WHERE journey_id = ? AND status = 'completed'",
                Long.class,
                journey);
    }

    private Map<String, Long> armsOf(UUID journey, List<UUID> customers) {
        Map<String, Long> arms = new java.util.HashMap<>();
        jdbc.query(
                """
                SELECT end_reason, count(*) AS n FROM journey_enrolments
                WHERE journey_id = ? AND CAST(customer_id AS text) = ANY(?) GROUP BY end_reason
                """,
                rs -> {
                    arms.put(rs.getString("end_reason"), rs.getLong("n"));
                },
                journey,
                texts(customers));
        return arms;
    }

    private List<String> endReasons(UUID journey, UUID customer) {
        return jdbc.queryForList(
                "SELECT end_reason FROM journey_enrolments WHERE journey_id = ? AND customer_id = ? "
                        + "AND status = 'completed'",
                String.class,
                journey,
                customer);
    }
}
