package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainersTest {

    @TempDir
    Path folder;

    @Test
    void ftrlLearnsASeparableProblem() {
        Dataset data = Impressions.separable(400);
        Map<String, Object> settings =
                Map.of("alpha", 0.5, "beta", 1.0, "l1", 0.0, "l2", 0.0, "epochs", 3, "bits", 16, "pairs", false);

        ClickModel model = new FtrlTrainer(42).fit(data, settings, null).model();

        assertThat(model.predict(SparseFeatures.ofIndices(1, 3))).isGreaterThan(0.9);
        assertThat(model.predict(SparseFeatures.ofIndices(2, 3))).isLessThan(0.1);
        assertThat(Metrics.auc(ModelTraining.predict(model, data), data.labels()))
                .isEqualTo(1.0);
    }

    @Test
    void gbtFindsAnInteractionThatALinearModelCannot() {
        Dataset training = Impressions.generated(6000, 4, true, 1);
        Dataset test = Impressions.generated(3000, 4, true, 2);

        ClickModel gbt = ModelTraining.train(XgboostTrainer.gbt(42, 1), training, 42, "platt")
                .model();
        ClickModel lr = ModelTraining.train(XgboostTrainer.lr(42, 1), training, 42, "platt")
                .model();

        double gbtAuc = Metrics.auc(ModelTraining.predict(gbt, test), test.labels());
        double lrAuc = Metrics.auc(ModelTraining.predict(lr, test), test.labels());
        assertThat(gbtAuc).isGreaterThan(lrAuc + 0.05);
    }

    @Test
    void treesEvaluatedFromTheJsonModelMatchXgboostsOwnPredictions() throws Exception {
        Dataset data = Impressions.generated(2000, 4, true, 3);
        DMatrix matrix = Xgboost.matrix(data, data.maxIndex() + 1);
        Booster booster = XGBoost.train(
                matrix,
                Map.of("objective", "binary:logistic", "max_depth", 4, "eta", 0.3, "nthread", 1, "verbosity", 0),
                30,
                Map.of(),
                null,
                null);
        float[][] expected = booster.predict(matrix);
        GbtModel model = GbtModel.fromXgboostJson(booster.toByteArray("json"), 0);
        double intercept =
                Xgboost.firstMargin(booster, data, data.maxIndex() + 1) - model.margin(data.rows()[0], model.trees());
        model = GbtModel.fromXgboostJson(booster.toByteArray("json"), intercept);

        for (int r = 0; r < data.size(); r++) {
            assertThat(model.predict(data.rows()[r])).isCloseTo(expected[r][0], within(1e-5));
        }
        booster.dispose();
        matrix.dispose();
    }

    @Test
    void aSavedModelPredictsTheSameAfterLoading() throws IOException {
        Dataset data = Impressions.generated(3000, 4, true, 4);
        for (ModelTrainer trainer :
                new ModelTrainer[] {new FtrlTrainer(1), XgboostTrainer.gbt(1, 1), XgboostTrainer.lr(1, 1)}) {
            ModelTraining.Trained trained = ModelTraining.train(trainer, data, 1, "isotonic");
            Path modelFolder = folder.resolve(trainer.kind());
            java.nio.file.Files.createDirectories(modelFolder);
            ClickModels.save(trained.model(), modelFolder, trained.settings());

            ClickModel loaded = ClickModels.load(modelFolder);

            for (int r = 0; r < 50; r++) {
                assertThat(loaded.predict(data.rows()[r]))
                        .as(trainer.kind())
                        .isCloseTo(trained.model().predict(data.rows()[r]), within(1e-6));
            }
        }
    }
}
