package com.agentfactory.support.escalation;

import static com.agentfactory.support.testdata.UnderstandingMother.confident;
import static com.agentfactory.support.testdata.UnderstandingMother.inUnknownLanguage;
import static com.agentfactory.support.testdata.UnderstandingMother.shortWithoutLanguage;
import static com.agentfactory.support.testdata.UnderstandingMother.withIntents;
import static com.agentfactory.support.testdata.UnderstandingMother.withSentiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.support.intent.IntentScore;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class EscalationPolicyTest {

    private static final UUID VIP_ID = UUID.randomUUID();
    private final EscalationPolicy policy = new EscalationPolicy(properties(0.7), 0.5);

    private static EscalationProperties properties(Double minIntentConfidence) {
        return new EscalationProperties(
                minIntentConfidence,
                -0.8,
                2,
                0.15,
                3,
                Set.of(VIP_ID),
                List.of("lawyer", "legal action", "avocat", "gdpr", "*anwalt*", "sue", "sued", "suing"),
                Set.of("contact_human_agent"));
    }

    private List<EscalationReason> reasons(List<Escalation> escalations) {
        return escalations.stream().map(Escalation::reason).toList();
    }

    @Test
    void aConfidentCalmMessageFromAnOrdinaryCustomerIsNotEscalated() {
        assertThat(policy.evaluate("Where is my order?", confident("track_order"), CustomerProfile.guest(), 0))
                .isEmpty();
    }

    @Test
    void escalatesWhenTheTopIntentIsBelowSeventyPercent() {
        var escalations =
                policy.evaluate("hmm", withIntents(new IntentScore("track_order", 0.69)), CustomerProfile.guest(), 0);

        assertThat(reasons(escalations)).containsExactly(EscalationReason.LOW_CONFIDENCE);
        assertThat(escalations.getFirst().detail()).contains("track_order", "0.69");
    }

    @Test
    void showsAConfidenceJustBelowTheLimitWithTheDecimalsThatTellThemApart() {
        var escalations =
                policy.evaluate("x", withIntents(new IntentScore("order_status", 0.698)), CustomerProfile.guest(), 0);

        assertThat(escalations.getFirst().detail()).isEqualTo("top intent order_status at 0.698 is below 0.700");
    }

    @Test
    void showsASentimentJustBelowTheLimitWithTheDecimalsThatTellThemApart() {
        var escalations = policy.evaluate("x", withSentiment("complaint", -0.80004), CustomerProfile.guest(), 0);

        assertThat(escalations.getFirst().detail()).isEqualTo("sentiment -0.80004 is below -0.80000");
    }

    @Test
    void usesTheIntentModelsStoredThresholdWhenNoneIsConfigured() {
        var fromModel = new EscalationPolicy(properties(null), 0.55);

        assertThat(fromModel.minIntentConfidence()).isEqualTo(0.55);
        assertThat(fromModel.evaluate(
                        "x", withIntents(new IntentScore("track_order", 0.56)), CustomerProfile.guest(), 0))
                .isEmpty();
        var escalations =
                fromModel.evaluate("x", withIntents(new IntentScore("track_order", 0.54)), CustomerProfile.guest(), 0);
        assertThat(reasons(escalations)).containsExactly(EscalationReason.LOW_CONFIDENCE);
        assertThat(escalations.getFirst().detail()).isEqualTo("top intent track_order at 0.54 is below 0.55");
    }

    @Test
    void aConfiguredThresholdOverridesTheModelsOwn() {
        assertThat(policy.minIntentConfidence()).isEqualTo(0.7);
        assertThat(reasons(policy.evaluate(
                        "x", withIntents(new IntentScore("track_order", 0.6)), CustomerProfile.guest(), 0)))
                .containsExactly(EscalationReason.LOW_CONFIDENCE);
    }

    @Test
    void escalatesAtSeventyPercentOnlyBelowIt() {
        assertThat(policy.evaluate("x", withIntents(new IntentScore("track_order", 0.7)), CustomerProfile.guest(), 0))
                .isEmpty();
    }

    @Test
    void escalatesWhenNoIntentWasRecognised() {
        assertThat(reasons(policy.evaluate("x", withIntents(), CustomerProfile.guest(), 0)))
                .containsExactly(EscalationReason.LOW_CONFIDENCE);
    }

    @Test
    void escalatesAFrustratedCustomerBelowMinusPointEight() {
        assertThat(reasons(policy.evaluate("x", withSentiment("complaint", -0.81), CustomerProfile.guest(), 0)))
                .containsExactly(EscalationReason.CUSTOMER_FRUSTRATION);
        assertThat(policy.evaluate("x", withSentiment("complaint", -0.8), CustomerProfile.guest(), 0))
                .isEmpty();
    }

    @Test
    void escalatesMoreThanTwoSignificantIntentsAsComplex() {
        var three = withIntents(
                new IntentScore("cancel_order", 0.75),
                new IntentScore("get_refund", 0.4),
                new IntentScore("change_shipping_address", 0.2));

        var escalations = policy.evaluate("x", three, CustomerProfile.guest(), 0);

        assertThat(reasons(escalations)).containsExactly(EscalationReason.COMPLEX_ISSUE);
        assertThat(escalations.getFirst().detail()).contains("3 intents");
    }

    @Test
    void faintRunnerUpIntentsDoNotMakeAMessageComplex() {
        var faint = withIntents(
                new IntentScore("track_order", 0.9),
                new IntentScore("delivery_period", 0.05),
                new IntentScore("cancel_order", 0.02));

        assertThat(policy.evaluate("x", faint, CustomerProfile.guest(), 0)).isEmpty();
    }

    @Test
    void escalatesOnlyCustomersOnTheConfiguredVipList() {
        var vip = policy.evaluate("x", confident("track_order"), new CustomerProfile(VIP_ID), 0);

        assertThat(reasons(vip)).containsExactly(EscalationReason.VIP_CUSTOMER);
        assertThat(vip.getFirst().detail()).isEqualTo("customer " + VIP_ID + " is on the VIP list");
        assertThat(policy.evaluate("x", confident("track_order"), new CustomerProfile(UUID.randomUUID()), 0))
                .isEmpty();
    }

    @Test
    void escalatesFromTheThirdFailedAttempt() {
        assertThat(policy.evaluate("x", confident("track_order"), CustomerProfile.guest(), 2))
                .isEmpty();
        assertThat(reasons(policy.evaluate("x", confident("track_order"), CustomerProfile.guest(), 3)))
                .containsExactly(EscalationReason.MAX_RETRIES);
    }

    @Test
    void escalatesLegalAndComplianceWordsWhateverTheirCaseOrAccents() {
        var escalations = policy.evaluate(
                "I will take LEGAL ACTION and my Avocat agrees", confident("complaint"), CustomerProfile.guest(), 0);

        assertThat(reasons(escalations)).containsExactly(EscalationReason.COMPLIANCE_REQUIRED);
        assertThat(escalations.getFirst().detail()).contains("legal action", "avocat");
    }

    @Test
    void doesNotMistakeAWordThatContainsAKeywordForIt() {
        assertThat(policy.evaluate(
                        "My lawyers-free question: gdprx", confident("track_order"), CustomerProfile.guest(), 0))
                .isEmpty();
    }

    @Test
    void aKeywordOpenAtBothEndsFindsGermanCompoundsAndInflections() {
        for (String text : List.of(
                "Mein Rechtsanwalt wird sich melden",
                "Meine Anwältin hat Ihnen geschrieben",
                "Das geht an die Staatsanwaltschaft",
                "Die ANWÄLTE sind informiert")) {
            var escalations = policy.evaluate(text, confident("complaint"), CustomerProfile.guest(), 0);

            assertThat(reasons(escalations)).as(text).containsExactly(EscalationReason.COMPLIANCE_REQUIRED);
            assertThat(escalations.getFirst().detail()).isEqualTo("mentions anwalt");
        }
    }

    @Test
    void findsTheListedFormsOfAShortWordButNotTheWordsThatContainIt() {
        assertThat(policy.complianceWordsIn("We sued the last shop that did this"))
                .containsExactly("sued");
        assertThat(policy.complianceWordsIn("I am suing you")).containsExactly("suing");
        assertThat(policy.complianceWordsIn("This is an issue I will pursue in my suede shoes"))
                .isEmpty();
    }

    @Test
    void refusesAKeywordWithNothingButAWildcard() {
        var onlyAWildcard =
                new EscalationProperties(0.7, -0.8, 2, 0.15, 3, Set.of(), List.of("*"), Set.of("contact_human_agent"));

        assertThatThrownBy(() -> new EscalationPolicy(onlyAWildcard, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedKeywordsCatchTheFormsCustomersWriteButNotWordsThatMerelyContainThem() throws IOException {
        var shipped = new EscalationPolicy(shippedProperties(), 0.5);

        assertThat(List.of(
                        "Ich habe einen Rechtsanwalt eingeschaltet",
                        "Meine Anwältin meldet sich",
                        "We sued a shop before",
                        "My lawyers will be in touch",
                        "I will take legal actions",
                        "This is fraudulent",
                        "I'm calling the policeman",
                        "Mijn strafadvocaat belt u",
                        "La mia avvocata vi scriverà",
                        "Mi abogada le escribirá"))
                .allSatisfy(text ->
                        assertThat(shipped.complianceWordsIn(text)).as(text).isNotEmpty());
        assertThat(List.of(
                        "There is an issue with my order",
                        "I want to pursue a refund",
                        "The suede boots are scuffed",
                        "Thank you for the courtesy",
                        "Where is your returns policy?"))
                .allSatisfy(text ->
                        assertThat(shipped.complianceWordsIn(text)).as(text).isEmpty());
    }

    // the escalation properties as application.yml ships them, with this test's thresholds
    private static EscalationProperties shippedProperties() throws IOException {
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        List<String> keywords = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("agentfactory.support.escalation.compliance-keywords", Bindable.listOf(String.class))
                .get();
        return new EscalationProperties(0.7, -0.8, 2, 0.15, 3, Set.of(), keywords, Set.of("contact_human_agent"));
    }

    @Test
    void handsOverWhenTheCustomerConfidentlyAsksForAPerson() {
        assertThat(reasons(policy.evaluate(
                        "a human please", confident("contact_human_agent"), CustomerProfile.guest(), 0)))
                .containsExactly(EscalationReason.CUSTOMER_ASKED_FOR_PERSON);
    }

    @Test
    void escalatesAMessageInNoneOfTheStoresLanguages() {
        assertThat(reasons(policy.evaluate("x", inUnknownLanguage(), CustomerProfile.guest(), 0)))
                .containsExactlyInAnyOrder(EscalationReason.UNSUPPORTED_LANGUAGE, EscalationReason.LOW_CONFIDENCE);
    }

    @Test
    void trustsAConfidentIntentWhenLanguageDetectionGivesUpOnAShortMessage() {
        assertThat(policy.evaluate("LH-1001 status?", shortWithoutLanguage("order_status"), CustomerProfile.guest(), 0))
                .isEmpty();
    }

    @Test
    void reportsEveryRuleThatFiresNotJustTheFirst() {
        var escalations =
                policy.evaluate("my lawyer", withSentiment("complaint", -0.95), new CustomerProfile(VIP_ID), 4);

        assertThat(reasons(escalations))
                .containsExactlyInAnyOrder(
                        EscalationReason.CUSTOMER_FRUSTRATION,
                        EscalationReason.VIP_CUSTOMER,
                        EscalationReason.MAX_RETRIES,
                        EscalationReason.COMPLIANCE_REQUIRED);
    }
}
