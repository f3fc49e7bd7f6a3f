package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.recommendation.interaction.DecayedInteraction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final PromotionGate gate = new PromotionGate(new PromotionRule(0.02, 5));
    private final Map<String, UUID> ids = new HashMap<>();
    private final List<DecayedInteraction> stored = new ArrayList<>();

    /** Five customers bought a then b, five b then a: popularity finds each one's latest product first. */
    private List<DecayedInteraction> before() {
        for (int i = 0; i < 5; i++) {
            interact("o" + i, "a");
            interact("o" + i, "b");
            interact("p" + i, "b");
            interact("p" + i, "a");
        }
        return List.copyOf(stored);
    }

    /** Then the store moved on: twelve new customers look at x and y only, half in each order. */
    private void shift() {
        for (int i = 0; i < 6; i++) {
            interact("n" + i, "y");
            interact("n" + i, "x");
            interact("m" + i, "x");
            interact("m" + i, "y");
        }
    }

    @Test
    void acceptsARetrainingAfterAShiftThatLowersItsScoresWhenItBeatsTheModelsInServiceOnTheSameHoldOut() {
        List<DecayedInteraction> trainedOn = before();
        var inService = PromotionGate.InService.of(popularity(signals(trainedOn)), trainedOn);
        Map<String, Object> scoresInService = LeaveLastOut.evaluate(signals(trainedOn), PromotionGateTest::popularity);
        shift();

        PromotionGate.Result result = gate.decide(stored, signals(stored), PromotionGateTest::popularity, inService);

        // the candidate's own hold-out is lower than the one the models in service had on the data of their day,
        // the comparison the gate made before: it kept the candidate out
        assertThat((double) result.holdout().get("popularity_ndcg_at_10"))
                .isLessThan((double) scoresInService.get("popularity_ndcg_at_10") - 0.02);
        assertThat(new PromotionRule(0.02, 5)
                        .decide(result.holdout(), scoresInService)
                        .promoted())
                .isFalse();
        assertThat(result.decision().promoted()).isTrue();
        assertThat(result.decision().reason()).contains("12 held-out products");
    }

    @Test
    void keepsOutARetrainingWorseThanTheModelsInServiceOnTheSameHoldOut() {
        before();
        shift();
        var inService = PromotionGate.InService.of(popularity(signals(stored)), stored);
        for (int i = 0; i < 6; i++) {
            interact("late" + i, "y");
            interact("late" + i, "x");
        }

        PromotionGate.Result result = gate.decide(stored, signals(stored), train -> nothing(), inService);

        assertThat(result.decision().promoted()).isFalse();
        assertThat(result.decision().reason()).contains("popularity_hr_at_10 1.0 -> 0.0", "6 held-out products");
    }

    @Test
    void replacesModelsTrainedOnAnErasedCustomerWhateverTheHoldOutSays() {
        before();
        shift();
        var inService = PromotionGate.InService.of(popularity(signals(stored)), stored);
        for (int i = 0; i < 6; i++) {
            interact("late" + i, "y");
            interact("late" + i, "x");
        }
        UUID erased = ids.get("n0");
        stored.removeIf(interaction -> interaction.userId().equals(erased));

        PromotionGate.Result result = gate.decide(stored, signals(stored), train -> nothing(), inService);

        assertThat(result.decision().promoted()).isTrue();
        assertThat(result.decision().reason()).contains("erased");
    }

    @Test
    void promotesTheFirstVersion() {
        before();

        PromotionGate.Result result =
                gate.decide(stored, signals(stored), train -> nothing(), PromotionGate.InService.NONE);

        assertThat(result.decision().promoted()).isTrue();
        assertThat(result.holdout()).containsEntry("holdout_users", 10);
    }

    private void interact(String customer, String product) {
        stored.add(new DecayedInteraction(
                ids.computeIfAbsent(customer, c -> UUID.randomUUID()),
                ids.computeIfAbsent(product, p -> UUID.randomUUID()),
                1.0,
                START.plusSeconds(stored.size())));
    }

    private static List<Signal> signals(List<DecayedInteraction> interactions) {
        return interactions.stream()
                .map(i -> new Signal(i.userId().toString(), i.productId().toString(), i.weight()))
                .toList();
    }

    private static Map<String, LeaveLastOut.Recommender> popularity(List<Signal> train) {
        PopularityModel model = PopularityModel.train(train, Map.of());
        return Map.of("popularity", (history, recent, exclude, n) -> model.top(exclude, n));
    }

    private static Map<String, LeaveLastOut.Recommender> nothing() {
        return Map.of("popularity", (history, recent, exclude, n) -> List.of());
    }
}
