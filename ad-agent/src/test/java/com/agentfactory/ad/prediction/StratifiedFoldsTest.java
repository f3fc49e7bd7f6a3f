package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    @Test
    void foldsAreDisjointCoverEveryRowAndShareThePositivesEvenly() {
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i += 40) {
            labels[i] = 1; // 25 positives
        }
        int[] fold = StratifiedFolds.assign(labels, 5, 42);

        Set<Integer> seen = new HashSet<>();
        for (int f = 0; f < 5; f++) {
            int[] test = StratifiedFolds.rows(fold, f, true);
            int[] train = StratifiedFolds.rows(fold, f, false);
            assertThat(test.length + train.length).isEqualTo(1000);
            Set<Integer> trainRows = new HashSet<>();
            Arrays.stream(train).forEach(trainRows::add);
            assertThat(Arrays.stream(test).filter(trainRows::contains).count()).isZero();
            assertThat(Arrays.stream(test).map(i -> labels[i]).sum()).isEqualTo(5);
            assertThat(test.length).isEqualTo(200);
            Arrays.stream(test).forEach(row -> assertThat(seen.add(row)).isTrue());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        int[] labels = Impressions.generated(500, 3, false, 1).labels();

        assertThat(StratifiedFolds.assign(labels, 5, 42)).isEqualTo(StratifiedFolds.assign(labels, 5, 42));
        assertThat(StratifiedFolds.assign(labels, 5, 42)).isNotEqualTo(StratifiedFolds.assign(labels, 5, 7));
    }
}
