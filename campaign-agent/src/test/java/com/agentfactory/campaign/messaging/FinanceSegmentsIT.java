package com.agentfactory.campaign.messaging;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static com.agentfactory.campaign.support.FinanceSegments.assigned;
import static com.agentfactory.campaign.support.FinanceSegments.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.Api.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;

/** Finance's segment changes over the real finance.segments topic, into the read model, segment rules and journeys. */
class FinanceSegmentsIT extends CampaignIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    PersonalDataHolder personalData;

    @Test
    void keepsTheNewestSegmentFinanceDecidedWhateverOrderTheChangesArriveIn() {
        UUID known = UUID.randomUUID();
        UUID onlyFinanceKnows = UUID.randomUUID();
        commerce.publishAndWait(customer(known, "known@shop.example", freshCountry(), T0));

        financeSegments.publishAndWait(
                assigned(known, "first_time_buyer", T0.plusSeconds(60)),
                change(known, "loyal_collector", "first_time_buyer", T0.plusSeconds(180)),
                // finance decided this one before the loyal_collector change; it arrives late
                change(known, "lapsed_customer", "first_time_buyer", T0.plusSeconds(120)),
                assigned(onlyFinanceKnows, "browsing_visitor", T0));

        Map<String, Object> row = segmentOf(known);
        assertThat(row.get("finance_segment")).isEqualTo("loyal_collector");
        assertThat(((Timestamp) row.get("finance_segment_at")).toInstant()).isEqualTo(T0.plusSeconds(180));
        assertThat(row.get("email")).as("the profile is left alone").isEqualTo("known@shop.example");
        assertThat(segmentOf(onlyFinanceKnows).get("finance_segment"))
                .as("a customer finance knows first gets a row, as one who orders first does")
                .isEqualTo("browsing_visitor");

        financeSegments.publishAndWait(change(known, "lapsed_customer", "loyal_collector", T0.plusSeconds(240)));

        assertThat(segmentOf(known).get("finance_segment")).isEqualTo("lapsed_customer");
    }

    @Test
    void aSavedSegmentOnTheFinanceSegmentSizesItsMembers() {
        String country = freshCountry();
        List<UUID> lapsed = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID loyal = UUID.randomUUID();
        UUID unsegmented = UUID.randomUUID();
        List<CommerceEvent> profiles = new ArrayList<>();
        for (UUID id : List.of(lapsed.get(0), lapsed.get(1), loyal, unsegmented)) {
            profiles.add(customer(id, id + "@shop.example", country, T0));
        }
        commerce.publishAndWait(profiles.toArray(CommerceEvent[]::new));
        financeSegments.publishAndWait(
                assigned(lapsed.get(0), "lapsed_customer", T0),
                assigned(lapsed.get(1), "lapsed_customer", T0),
                assigned(loyal, "loyal_collector", T0));

        Response saved = api.post(
                "/api/v1/campaigns/segments",
                Map.of(
                        "name",
                        "Lapsed in " + country,
                        "rules",
                        Map.of(
                                "and",
                                List.of(
                                        Map.of("field", "country", "op", "eq", "value", country),
                                        Map.of("field", "finance_segment", "op", "eq", "value", "lapsed_customer")))));
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(201);
        Response size = api.get("/api/v1/campaigns/segments/" + saved.text("/id") + "/preview");

        assertThat(size.status()).isEqualTo(200);
        assertThat(size.body().path("count").asLong()).isEqualTo(2);
        List<String> sample = new ArrayList<>();
        size.body().path("sample_customer_ids").forEach(node -> sample.add(node.asString()));
        assertThat(sample)
                .containsExactlyInAnyOrderElementsOf(
                        lapsed.stream().map(UUID::toString).toList());
        assertThat(countOf(
                        country,
                        Map.of(
                                "field",
                                "finance_segment",
                                "op",
                                "in",
                                "value",
                                List.of("lapsed_customer", "loyal_collector"))))
                .isEqualTo(3);
        assertThat(countOf(country, Map.of("field", "finance_segment", "op", "ne", "value", "lapsed_customer")))
                .as("a customer finance has not segmented is not in lapsed_customer either")
                .isEqualTo(2);
    }

    @Test
    void refusesASegmentNameFinanceDoesNotAssignNamingTheRulePart() {
        Response refused = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of(
                        "rules",
                        Map.of(
                                "and",
                                List.of(
                                        Map.of("field", "finance_segment", "op", "eq", "value", "at_risk"),
                                        Map.of("field", "finance_segment", "op", "contains", "value", "lapsed")))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("rules.and[0].value", "rules.and[1].op");
        assertThat(refused.text("/errors/0/message"))
                .contains("finance_segment")
                .contains("lapsed_customer")
                .contains("trade_buyer");
    }

    @Test
    void enteringASegmentThroughAFinanceChangeStartsItsSegmentEntryJourney() {
        String country = freshCountry();
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, "lapsing@shop.example", country, T0));
        Response segment = api.post(
                "/api/v1/campaigns/segments",
                Map.of(
                        "name",
                        "Win back " + country,
                        "rules",
                        Map.of(
                                "and",
                                List.of(
                                        Map.of("field", "country", "op", "eq", "value", country),
                                        Map.of("field", "finance_segment", "op", "eq", "value", "lapsed_customer")))));
        Response journey = api.post(
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name", "Win back " + UUID.randomUUID(),
                        "trigger", Map.of("type", "segment_entry", "segment_id", segment.text("/id")),
                        "steps",
                                List.of(
                                        Map.of("id", "pause", "type", "wait", "duration", "1 day"),
                                        Map.of("id", "done", "type", "end", "reason", "won back"))));
        assertThat(journey.status()).as(String.valueOf(journey.body())).isEqualTo(201);
        String journeyId = journey.text("/id");
        assertThat(api.post("/api/v1/campaigns/journeys/" + journeyId + "/activate", Map.of())
                        .status())
                .isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        financeSegments.publishAndWait(assigned(customer, "first_time_buyer", now));
        assertThat(enrolments(journeyId, customer)).as("not in the segment yet").isZero();

        financeSegments.publishAndWait(change(customer, "lapsed_customer", "first_time_buyer", now.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> enrolments(journeyId, customer) == 1);
    }

    @Test
    void parksAChangeThatNamesNoSegmentOnTheDeadLetterTopic() {
        UUID customer = UUID.randomUUID();
        var payload = JsonNodeFactory.instance
                .objectNode()
                .put("customer_id", customer.toString())
                .put("segment", "x'; DROP TABLE customers; --")
                .put("occurred_at", T0.toString());

        financeSegments.publishRaw(customer.toString(), financeSegments.envelopeAround(payload));

        await().atMost(Duration.ofSeconds(60)).until(() -> financeSegments.deadLetters(bootstrapServers).stream()
                .anyMatch(value -> value.contains(customer.toString())));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    @Test
    void exportsAndErasesTheFinanceSegmentWithTheCustomersProfile() {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, "private@shop.example", freshCountry(), T0));
        financeSegments.publishAndWait(assigned(customer, "trade_buyer", T0));

        PersonalData exported = personalData.export(customer);
        personalData.erase(customer);

        assertThat(exported.records().get("customer")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("finance_segment", "trade_buyer");
            assertThat(row).containsEntry("finance_segment_at", T0.toString());
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    private Map<String, Object> segmentOf(UUID customer) {
        return jdbc.queryForMap(
                "SELECT email, finance_segment, finance_segment_at FROM customers WHERE customer_id = ?", customer);
    }

    private long countOf(String country, Map<String, Object> condition) {
        Response preview = api.post(
                "/api/v1/campaigns/segments/preview",
                Map.of(
                        "rules",
                        Map.of("and", List.of(Map.of("field", "country", "op", "eq", "value", country), condition))));
        assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
        return preview.body().path("count").asLong();
    }

    private long enrolments(String journeyId, UUID customer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM journey_enrolments WHERE journey_id = ?::uuid AND customer_id = ?",
                Long.class,
                journeyId,
                customer);
    }
}
