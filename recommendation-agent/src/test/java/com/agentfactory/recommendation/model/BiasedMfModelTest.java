package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BiasedMfModelTest {

    private static final BiasedMfModel.Settings SMALL = new BiasedMfModel.Settings(4, 200, 0.02, 0.01, 0.01, 0.1, 7);

    /** Planted taste: even users rate even items 5 and odd items 1, odd users the reverse. */
    private static double planted(int user, int item) {
        return (user % 2 == item % 2) ? 5.0 : 1.0;
    }

    @Test
    void learnsAPlantedRatingStructureBetterThanTheGlobalMean() {
        List<Signal> train = new ArrayList<>();
        List<int[]> test = new ArrayList<>();
        for (int user = 0; user < 20; user++) {
            for (int item = 0; item < 20; item++) {
                if ((user * 7 + item * 3) % 5 == 0) {
                    test.add(new int[] {user, item});
                } else {
                    train.add(new Signal("u" + user, "i" + item, planted(user, item)));
                }
            }
        }
        BiasedMfModel model = BiasedMfModel.train(train, SMALL);
        double mean = train.stream().mapToDouble(Signal::weight).average().orElseThrow();

        double modelError = 0, meanError = 0;
        for (int[] cell : test) {
            double actual = planted(cell[0], cell[1]);
            modelError += Math.pow(model.predict("u" + cell[0], "i" + cell[1]) - actual, 2);
            meanError += Math.pow(mean - actual, 2);
        }

        assertThat(Math.sqrt(modelError / test.size())).isLessThan(0.5 * Math.sqrt(meanError / test.size()));
    }

    @Test
    void foldsInANewUserFromTheirRatings() {
        List<Signal> train = new ArrayList<>();
        for (int user = 0; user < 20; user++) {
            for (int item = 0; item < 20; item++) {
                train.add(new Signal("u" + user, "i" + item, planted(user, item)));
            }
        }
        BiasedMfModel model = BiasedMfModel.train(train, SMALL);

        List<ScoredItem> recommended =
                model.recommend(Map.of("i0", 5.0, "i2", 5.0, "i1", 1.0, "i3", 1.0), Set.of("i4"), 5);

        assertThat(recommended).hasSize(5).allSatisfy(item -> assertThat(
                        Integer.parseInt(item.itemId().substring(1)) % 2)
                .isZero());
        assertThat(recommended).extracting(ScoredItem::itemId).doesNotContain("i0", "i2", "i4");
    }

    @Test
    void predictsTheMeanPlusBiasesForAnUnknownUser() {
        BiasedMfModel model = BiasedMfModel.train(
                List.of(new Signal("a", "x", 4), new Signal("b", "x", 4), new Signal("a", "y", 2)), SMALL);

        assertThat(model.predict("nobody", "x")).isGreaterThan(model.predict("nobody", "y"));
    }
}
