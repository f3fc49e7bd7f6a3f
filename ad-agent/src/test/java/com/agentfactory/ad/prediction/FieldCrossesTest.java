package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCrossesTest {

    @TempDir
    Path folder;

    /** Rows of the one-hot layout's first two fields: weekday (indices 0..9) and hour (indices 10..19). */
    private static SparseFeatures row(int weekday, int hour) {
        return SparseFeatures.ofIndices(weekday, 10 + hour);
    }

    @Test
    void addsTheHourOfTheWeekSeenInTrainingAndNothingForAnUnseenOne() {
        Dataset training = Dataset.of(List.of(0, 1, 0), List.of(row(1, 2), row(1, 3), row(1, 2)));
        FieldCrosses crosses = FieldCrosses.fit(training);

        SparseFeatures seen = crosses.apply(row(1, 3));
        SparseFeatures unseen = crosses.apply(row(2, 3));

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.index(2)).isEqualTo(FieldCrosses.BASE + 1); // numbered in order of first appearance
        assertThat(crosses.apply(row(1, 2)).index(2)).isEqualTo(FieldCrosses.BASE);
        assertThat(unseen).isEqualTo(row(2, 3));
    }

    @Test
    void aStoredCrossedModelScoresAsTheTrainedOne() throws IOException {
        Dataset data = Impressions.generated(3000, 4, true, 21);
        CalibratedModel trained = ModelTraining.train(new CrossedGbtTrainer(XgboostTrainer.gbt(1, 1)), data, 1, "platt")
                .model();
        ModelStore store = new ModelStore(folder);
        ModelVersion version =
                store.save(trained, java.util.Map.of(), "ctr", java.time.Instant.EPOCH, java.util.Map.of());

        ClickModel loaded = store.load(version);

        assertThat(loaded.kind()).isEqualTo(CrossedGbtModel.KIND);
        for (int r = 0; r < 50; r++) {
            assertThat(loaded.predict(data.rows()[r])).isCloseTo(trained.predict(data.rows()[r]), within(1e-6));
        }
    }
}
