package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlendLearnerTest {

    @Test
    void keepsTheBestSourceAloneWhenAnotherCouldOnlyPushItsHitsDown() {
        // "strong" finds the bought item of users 0..5 at rank 1; for users 6..9 only "weak" has it, at rank 2:
        // lifting those to rank 1 would need "weak" to outweigh "strong", which loses users 0..5
        List<BlendLearner.Example> examples = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            String bought = "bought-" + u;
            List<ScoredItem> strong = u < 6 ? list(bought, "noise-a", "noise-b") : list("noise-a", "noise-b");
            List<ScoredItem> weak = u < 6 ? list("noise-c", "noise-d") : list("noise-c", bought);
            examples.add(new BlendLearner.Example(Map.of("strong", strong, "weak", weak), Set.of(bought)));
        }

        BlendLearner.Result result = BlendLearner.learn(examples, 1);

        assertThat(result.singleNdcg()).containsEntry("strong", 0.6).containsEntry("weak", 0.0);
        assertThat(result.ndcg()).isEqualTo(0.6);
        assertThat(result.weights()).containsExactly(Map.entry("strong", 1.0));
        assertThat(result.users()).isEqualTo(10);
    }

    @Test
    void neverEndsBelowTheBestSingleSourceOnItsValidationUsers() {
        List<BlendLearner.Example> examples = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            String bought = "bought-" + u;
            examples.add(new BlendLearner.Example(
                    Map.of(
                            "good", list("x", bought, "y"),
                            "bad", list("p", "q", "r"),
                            "mixed", u % 2 == 0 ? list(bought) : list("z")),
                    Set.of(bought)));
        }

        BlendLearner.Result result = BlendLearner.learn(examples, 3);

        double bestSingle = result.singleNdcg().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        assertThat(result.ndcg()).isGreaterThanOrEqualTo(bestSingle);
        // "mixed" puts half the users' item first, which "good" alone ranks second: the blend takes both
        assertThat(result.ndcg()).isGreaterThan(bestSingle);
        assertThat(result.weights()).doesNotContainKey("bad");
    }

    @Test
    void learnsNothingWithoutValidationUsers() {
        BlendLearner.Result result = BlendLearner.learn(List.of(), 10);

        assertThat(result.weights()).isEmpty();
        assertThat(result.users()).isZero();
    }

    private static List<ScoredItem> list(String... items) {
        List<ScoredItem> list = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            list.add(new ScoredItem(items[i], items.length - i));
        }
        return list;
    }
}
