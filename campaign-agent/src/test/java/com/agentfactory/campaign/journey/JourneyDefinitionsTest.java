package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyDefinitionsTest {

    @Test
    void acceptsTheShippedAbandonedCartJourney() throws IOException {
        CompiledJourney journey = JourneyDefinitions.parse(shipped(), true);

        assertThat(journey.definition().name()).isEqualTo("Abandoned Cart Recovery");
        assertThat(journey.firstStep()).isEqualTo("1");
        assertThat(journey.step("3").template()).isEqualTo("abandoned_cart_reminder");
        assertThat(journey.next(journey.step("3"))).contains("4");
    }

    @Test
    void readsTheSameJourneyFromJsonAndYaml() {
        CompiledJourney fromYaml = JourneyDefinitions.parse(JourneyTexts.SIMPLE_YAML, true);
        CompiledJourney fromJson = JourneyDefinitions.parse(JourneyTexts.SIMPLE_JSON, false);

        assertThat(fromJson.definition()).isEqualTo(fromYaml.definition());
    }

    @Test
    void pointsAtAStepThatNamesAnUnknownNextStep() {
        assertThat(errorsOf(JourneyTexts.with("next: x"))).contains("steps[1].next: unknown step 'x'");
    }

    @Test
    void refusesAStepThatCannotBeReached() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "end"},
                           {"id": "b", "type": "email", "template": "t", "next": "a"}]}
                """;
        assertThat(errorsOf(text)).contains("steps[1]: step 'b' cannot be reached from the first step");
    }

    @Test
    void refusesALoopWithoutAWait() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "email", "template": "t"},
                           {"id": "b", "type": "condition", "check": "has_email", "if_true": "a", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text)).anyMatch(error -> error.startsWith("steps[0]: cycle without a wait: a -> b"));
    }

    @Test
    void acceptsALoopThroughAWait() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "email", "template": "t"},
                           {"id": "w", "type": "wait", "duration": "1 day"},
                           {"id": "b", "type": "condition", "check": "has_email", "if_true": "w", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(JourneyDefinitions.parse(text, false).steps()).hasSize(4);
    }

    @Test
    void refusesASendStepInsideALoopBecauseAStepSendsOncePerEnrolment() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "email", "template": "t"},
                           {"id": "w", "type": "wait", "duration": "1 day"},
                           {"id": "b", "type": "condition", "check": "has_email", "if_true": "a", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text))
                .containsExactly("steps[0]: step 'a' sends a message inside a loop, but a step sends once per"
                        + " enrolment; move it out of the loop");
    }

    @Test
    void refusesAConditionOnLastOrderAtWhoseValueIsNotAnInstant() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned",
                  "conditions": [{"field": "last_order_at", "operator": "lt", "value": 5}]},
                 "steps": [{"id": "c", "type": "condition", "field": "last_order_at", "operator": "gt",
                            "value": "yesterday", "if_true": "z", "if_false": "z"},
                           {"id": "d", "type": "condition", "field": "last_order_at", "operator": "gt",
                            "value": "2026-01-31T00:00:00Z", "if_true": "z", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text))
                .containsExactly(
                        "trigger.conditions[0].value: must be an ISO-8601 instant like 2026-01-31T00:00:00Z for"
                                + " last_order_at",
                        "steps[0].value: must be an ISO-8601 instant like 2026-01-31T00:00:00Z for last_order_at");
    }

    @Test
    void refusesAMoneyConditionWithoutACurrencyAsMalformedInputNamingIt() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned",
                  "conditions": [{"field": "cart_value", "operator": "gt", "value": 50}]},
                 "steps": [{"id": "c", "type": "condition", "field": "total_spent", "operator": "gt", "value": 500,
                            "currency": "gbp", "if_true": "z", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;

        assertThatThrownBy(() -> JourneyDefinitions.parse(text, false))
                .as("a 400, as money without its currency is anywhere in the API")
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(RuleViolationException.class)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ": " + error.message())
                        .containsExactly(
                                "trigger.conditions[0].currency: is required for cart_value: the ISO 4217 code of the"
                                        + " amount, such as GBP",
                                "steps[0].currency: must be an ISO 4217 code, such as GBP"));
    }

    @Test
    void acceptsMoneyConditionsThatNameTheirCurrencyForEveryOperator() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned",
                  "conditions": [{"field": "cart_value", "operator": "gte", "value": "49.99", "currency": "GBP"}]},
                 "steps": [{"id": "c", "type": "condition", "field": "total_spent", "operator": "exists",
                            "currency": "JPY", "if_true": "z", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;

        CompiledJourney journey = JourneyDefinitions.parse(text, false);

        assertThat(journey.step("c").currency()).isEqualTo("JPY");
        assertThat(JourneyDefinitions.toJson(journey.definition())).contains("\"currency\":\"GBP\"");
    }

    @Test
    void refusesACurrencyOnAFieldThatIsNoMoneyAndAnAmountThatIsNoNumber() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned",
                  "conditions": [{"field": "order_count", "operator": "gt", "value": 2, "currency": "GBP"}]},
                 "steps": [{"id": "c", "type": "condition", "field": "total_spent", "operator": "gt",
                            "value": "a lot", "currency": "GBP", "if_true": "z", "if_false": "z"},
                           {"id": "z", "type": "end"}]}
                """;

        assertThat(errorsOf(text))
                .containsExactly(
                        "trigger.conditions[0].currency: applies only to money fields: cart_value, total_spent",
                        "steps[0].value: must be a number, the amount in the condition's currency");
    }

    @Test
    void namesTheMissingFieldOfAComparisonRatherThanFailing() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned",
                  "conditions": [{"operator": "gt", "value": 2}]},
                 "steps": [{"id": "z", "type": "end"}]}
                """;

        assertThat(errorsOf(text)).anyMatch(error -> error.startsWith("trigger.conditions[0].field: must be one of: "));
    }

    @Test
    void refusesAnEndReasonLongerThanTheEnrolmentKeeps() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "z", "type": "end", "reason": "%s"}]}
                """.formatted("r".repeat(501));
        assertThat(errorsOf(text)).containsExactly("steps[0].reason: must be at most 500 characters");
    }

    @Test
    void refusesAWebhookUrlLongerThanTheSendKeeps() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "h", "type": "webhook", "template": "t", "url": "https://example.test/%s"},
                           {"id": "z", "type": "end"}]}
                """.formatted("p".repeat(2000));
        assertThat(errorsOf(text)).containsExactly("steps[0].url: must be at most 2000 characters");
    }

    @Test
    void refusesWaitsWhoseDueTimeCouldNotBeStored() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "wait", "until": "+300000-01-01T00:00:00Z"},
                           {"id": "b", "type": "wait", "duration": "PT999999999999H"},
                           {"id": "c", "type": "wait", "event": "order.placed", "timeout": "999999 weeks",
                            "on_event": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text))
                .containsExactly(
                        "steps[0].until: must be between 2000-01-01 and 2099-12-31 (UTC)",
                        "steps[1].duration: must be at most 3650 days",
                        "steps[2].timeout: must be at most 3650 days");
    }

    @Test
    void holdsAWaitsUntilToTheYearsThePlatformActsOn() {
        assertThat(errorsOf(waitUntil("1999-12-31T23:59:59Z")))
                .containsExactly("steps[0].until: must be between 2000-01-01 and 2099-12-31 (UTC)");
        assertThat(errorsOf(waitUntil("2100-01-01T00:00:00Z")))
                .containsExactly("steps[0].until: must be between 2000-01-01 and 2099-12-31 (UTC)");
        assertThat(JourneyDefinitions.parse(waitUntil("2000-01-01T00:00:00Z"), false)
                        .step("a")
                        .until())
                .isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(JourneyDefinitions.parse(waitUntil("2099-12-31T23:59:59.999999999Z"), false)
                        .step("a")
                        .until())
                .isEqualTo(Instant.parse("2099-12-31T23:59:59.999999999Z"));
    }

    @Test
    void refusesAJourneyWithoutAnEnd() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "wait", "duration": "1 hour", "next": "b"},
                           {"id": "b", "type": "email", "template": "t", "next": "a"}]}
                """;
        assertThat(errorsOf(text)).contains("steps: a journey needs an end step");
    }

    @Test
    void refusesWaitsConditionsAndSplitsMissingWhatTheyNeed() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.dropped"},
                 "steps": [{"id": "a", "type": "wait", "duration": "a while"},
                           {"id": "b", "type": "wait", "event": "order.placed"},
                           {"id": "c", "type": "condition", "field": "password", "operator": "gt", "value": 1,
                            "if_true": "d", "if_false": "d"},
                           {"id": "d", "type": "split", "branches": [{"weight": 0, "next": "e"}, {"weight": 1, "next": "e"}]},
                           {"id": "e", "type": "webhook", "template": "t", "url": "ftp://x"},
                           {"id": "f", "type": "end"}]}
                """;
        assertThat(errorsOf(text))
                .contains(
                        "trigger.event: must be a commerce event type: product.upserted, customer.upserted, "
                                + "order.placed, order.cancelled, page.viewed, product.viewed, cart.item_added, "
                                + "cart.abandoned, checkout.started",
                        "steps[0].duration: must be like '1 hour', '2 days' or ISO-8601 'PT1H'",
                        "steps[1].timeout: a wait for an event needs a timeout like '24 hours'",
                        "steps[1].on_event: names the step to go to when the event arrives",
                        "steps[3].branches[0].weight: must be positive",
                        "steps[4].url: must be an absolute http or https URL")
                .anyMatch(error -> error.startsWith("steps[2].field: must be one of: "));
    }

    @Test
    void pointsAtAnUnknownFieldOfAStep() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "end", "colour": "red"}]}
                """;
        assertThatThrownBy(() -> JourneyDefinitions.parse(text, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::field)
                        .containsExactly("steps[0].colour"));
    }

    @Test
    void readsDurationsAsAuthorsWriteThem() {
        assertThat(JourneyDurations.parse("1 hour")).contains(java.time.Duration.ofHours(1));
        assertThat(JourneyDurations.parse("48 hours")).contains(java.time.Duration.ofHours(48));
        assertThat(JourneyDurations.parse("2 days")).contains(java.time.Duration.ofDays(2));
        assertThat(JourneyDurations.parse("PT90S")).contains(java.time.Duration.ofSeconds(90));
        assertThat(JourneyDurations.parse("soon")).isEmpty();
    }

    @Test
    void acceptsASplitStratifiedBySegments() {
        CompiledJourney journey = JourneyDefinitions.parse(stratifiedSplit("""
                ["6f1c1c9e-1f0b-4c3e-9d5e-0d6f4c1e2a11", "7a2d2dae-2a1c-4d4f-8e6f-1e7a5d2f3b22"]"""), false);

        assertThat(journey.step("s").strata()).hasSize(2);
    }

    @Test
    void refusesEmptyOrRepeatedStrata() {
        assertThat(errorsOf(stratifiedSplit("[]"))).contains("steps[0].strata: names between 1 and 20 segments");
        assertThat(errorsOf(stratifiedSplit("""
                        ["6f1c1c9e-1f0b-4c3e-9d5e-0d6f4c1e2a11", "6f1c1c9e-1f0b-4c3e-9d5e-0d6f4c1e2a11"]"""))).contains("steps[0].strata: names each segment once");
    }

    @Test
    void refusesStrataOnAStepThatIsNotASplit() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "email", "template": "t",
                            "strata": ["6f1c1c9e-1f0b-4c3e-9d5e-0d6f4c1e2a11"]},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text)).contains("steps[0].strata: only a split has strata");
    }

    @Test
    void refusesAHoldoutBranchThatLeadsToAMessage() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "s", "type": "split",
                            "branches": [{"name": "a", "weight": 90, "next": "a"},
                                         {"name": "h", "weight": 10, "next": "a", "holdout": true}]},
                           {"id": "a", "type": "email", "template": "t", "next": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text))
                .contains("steps[0].branches[1].next: a holdout branch leads straight to an end step");
    }

    @Test
    void refusesTwoHoldoutBranches() {
        String text = """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "s", "type": "split",
                            "branches": [{"name": "a", "weight": 80, "next": "a"},
                                         {"name": "h", "weight": 10, "next": "z", "holdout": true},
                                         {"name": "i", "weight": 10, "next": "z", "holdout": true}]},
                           {"id": "a", "type": "email", "template": "t", "next": "z"},
                           {"id": "z", "type": "end"}]}
                """;
        assertThat(errorsOf(text)).contains("steps[0].branches: a split has at most one holdout branch");
    }

    @Test
    void keepsAHoldoutBranchThatLeadsToAnEnd() {
        CompiledJourney journey = JourneyDefinitions.parse("""
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "s", "type": "split",
                            "branches": [{"name": "a", "weight": 90, "next": "a"},
                                         {"name": "h", "weight": 10, "next": "z", "holdout": true}]},
                           {"id": "a", "type": "email", "template": "t", "next": "z"},
                           {"id": "z", "type": "end"}]}
                """, false);

        assertThat(journey.step("s").branches().get(1).isHoldout()).isTrue();
        assertThat(journey.step("s").branches().get(0).isHoldout()).isFalse();
    }

    @Test
    void readsTheCampaignAJourneyBelongsToFromJsonAndYaml() {
        String campaign = "7d0f5b8e-3c2a-4f7e-9a41-0c6a2b9d1e55";

        CompiledJourney fromYaml =
                JourneyDefinitions.parse("campaign_id: " + campaign + "\n" + JourneyTexts.SIMPLE_YAML, true);
        CompiledJourney fromJson = JourneyDefinitions.parse(
                JourneyTexts.SIMPLE_JSON.replaceFirst("\\{", "{\"campaign_id\": \"" + campaign + "\", "), false);

        assertThat(fromYaml.definition().campaignId()).hasToString(campaign);
        assertThat(fromJson.definition()).isEqualTo(fromYaml.definition());
        assertThat(JourneyDefinitions.toJson(fromJson.definition())).contains("\"campaign_id\":\"" + campaign);
    }

    @Test
    void storesADefinitionWithoutACampaignAsBefore() {
        CompiledJourney journey = JourneyDefinitions.parse(JourneyTexts.SIMPLE_JSON, false);

        assertThat(journey.definition().campaignId()).isNull();
        assertThat(JourneyDefinitions.toJson(journey.definition())).doesNotContain("campaign_id");
    }

    @Test
    void refusesACampaignIdThatIsNotAUuidNamingTheField() {
        String text = JourneyTexts.SIMPLE_JSON.replaceFirst("\\{", "{\"campaign_id\": \"spring-sale\", ");

        assertThatThrownBy(() -> JourneyDefinitions.parse(text, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::field)
                        .containsExactly("campaign_id"));
    }

    @Test
    void holdsADateTriggerToTheYearsThePlatformActsOn() {
        assertThat(errorsOf(dateTrigger("2100-01-01T00:00:00Z")))
                .containsExactly("trigger.at: must be between 2000-01-01 and 2099-12-31 (UTC)");
        assertThat(errorsOf(dateTrigger("1999-12-31T23:59:59Z")))
                .containsExactly("trigger.at: must be between 2000-01-01 and 2099-12-31 (UTC)");
        assertThat(JourneyDefinitions.parse(dateTrigger("2099-12-31T23:59:59Z"), false)
                        .definition()
                        .trigger()
                        .at())
                .isEqualTo(Instant.parse("2099-12-31T23:59:59Z"));
    }

    private static String dateTrigger(String at) {
        return """
                {"name": "n", "trigger": {"type": "date", "at": "%s",
                                          "segment_id": "00000000-0000-0000-0000-000000000001"},
                 "steps": [{"id": "z", "type": "end"}]}
                """.formatted(at);
    }

    private static String waitUntil(String until) {
        return """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "wait", "until": "%s"},
                           {"id": "z", "type": "end"}]}
                """.formatted(until);
    }

    private static String stratifiedSplit(String strata) {
        return """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "s", "type": "split", "strata": %s,
                            "branches": [{"name": "a", "weight": 50, "next": "a"},
                                         {"name": "b", "weight": 50, "next": "b"}]},
                           {"id": "a", "type": "email", "template": "t", "next": "z"},
                           {"id": "b", "type": "email", "template": "u", "next": "z"},
                           {"id": "z", "type": "end"}]}
                """.formatted(strata);
    }

    private static List<String> errorsOf(String json) {
        try {
            JourneyDefinitions.parse(json, false);
        } catch (RuleViolationException e) {
            return e.errors().stream()
                    .map(error -> error.field() + ": " + error.message())
                    .toList();
        }
        throw new AssertionError("the journey was accepted");
    }

    private static String shipped() throws IOException {
        try (InputStream in =
                JourneyDefinitionsTest.class.getClassLoader().getResourceAsStream(DemoJourneyLoader.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
