package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickPredictionServiceTest {

    @TempDir
    Path folder;

    @Test
    void answersThePriorRatesWhileNoModelIsStored() {
        ClickPredictionService service = new ClickPredictionService(properties(""));

        assertThat(service.ctrVersion()).isEmpty();
        assertThat(service.predictCtr(SparseFeatures.ofIndices(1, 2))).isEqualTo(0.001);
        assertThat(service.predictCvr(SparseFeatures.ofIndices(1, 2))).isEqualTo(0.01);
    }

    @Test
    void servesTheNewestStoredVersionOfEachTarget() throws IOException {
        ModelStore store = new ModelStore(folder.resolve("models"));
        Dataset data = Impressions.generated(2000, 3, false, 5);
        ClickModel older =
                ModelTraining.train(new FtrlTrainer(1), data, 1, "platt").model();
        ClickModel newer =
                ModelTraining.train(new FtrlTrainer(2), data, 2, "isotonic").model();
        store.save(older, Map.of(), "ctr", Instant.parse("2026-12-01T00:00:00Z"), Map.of());
        ModelVersion newest =
                store.save(newer, Map.of(), "ctr", Instant.parse("2026-12-02T00:00:00Z"), Map.of("auc", 0.7));

        ClickPredictionService service = new ClickPredictionService(properties(""));

        assertThat(service.ctrVersion()).contains(newest);
        assertThat(service.cvrVersion()).isEmpty();
        SparseFeatures row = data.rows()[0];
        assertThat(service.predictCtr(row)).isCloseTo(newer.predict(row), within(1e-9));
    }

    @Test
    void scoresABidByItsFieldsThroughTheFeatureIndex() throws IOException {
        Path index = Files.writeString(folder.resolve("featindex.txt"), BidFeatureEncoderTest.NUMBERED_INDEX);
        BidFeatureEncoder encoder = new BidFeatureEncoder(FeatureIndex.read(index));
        Dataset data = Impressions.generated(500, 2, false, 6);
        ClickModel model =
                ModelTraining.train(new FtrlTrainer(1), data, 1, "platt").model();
        new ModelStore(folder.resolve("models")).save(model, Map.of(), "ctr", Instant.EPOCH, Map.of());

        ClickPredictionService service = new ClickPredictionService(properties(index.toString()));

        BidFeatures bid = BidFeatureEncoderTest.known();
        assertThat(service.encodesBids()).isTrue();
        assertThat(service.predictCtr(bid)).isCloseTo(model.predict(encoder.encode(bid)), within(1e-12));
    }

    @Test
    void trainsAndServesAConversionModelFromClickedImpressions() throws IOException {
        // clicked impressions labelled 1 when they converted; field 0's value drives conversion
        Dataset clicks = Impressions.generated(3000, 3, false, 8);
        Path file = Files.writeString(folder.resolve("clicks-with-conversions.txt"), Impressions.toLibSvm(clicks));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit = new AdModelCommand(
                        new java.io.PrintStream(out),
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                        java.time.Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), java.time.ZoneOffset.UTC))
                .run(new String[] {
                    "train",
                    "--file",
                    file.toString(),
                    "--model",
                    "ftrl",
                    "--target",
                    "cvr",
                    "--out",
                    folder.resolve("models").toString()
                });

        ClickPredictionService service = new ClickPredictionService(properties(""));

        assertThat(exit).isZero();
        assertThat(service.cvrVersion()).hasValueSatisfying(version -> {
            assertThat(version.target()).isEqualTo("cvr");
            assertThat(version.trainedAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        });
        Dataset test = Impressions.generated(2000, 3, false, 9);
        double[] predictions = new double[test.size()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = service.predictCvr(test.rows()[i]);
        }
        assertThat(Metrics.auc(predictions, test.labels())).isGreaterThan(0.65);
        assertThat(service.ctrVersion()).isEmpty();
    }

    private ClickPredictionProperties properties(String featureIndex) {
        return new ClickPredictionProperties(
                folder.resolve("models").toString(), featureIndex, 0.001, 0.01, java.time.ZoneOffset.UTC);
    }
}
