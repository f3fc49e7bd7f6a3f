package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores hand-made model versions with their feature index, for tests of the serving side outside this package. */
public final class StoredModels {

    private StoredModels() {}

    /**
     * Stores a pCTR logistic regression over a named feature index holding every field's "other" value and the given
     * {@code field:value} features: its margin is {@code bias} plus the weight of each feature the bid has.
     *
     * @return the stored version's id
     */
    public static String linearCtrModel(Path modelFolder, Map<String, Float> weights, double bias, Instant trainedAt)
            throws IOException {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String field : FeatureIndex.FIELDS) {
            index.put(field + ":other", index.size());
        }
        for (String feature : weights.keySet()) {
            index.put(feature, index.size());
        }
        float[] weightArray = new float[index.size()];
        weights.forEach((feature, weight) -> weightArray[index.get(feature)] = weight);
        StringBuilder text = new StringBuilder();
        index.forEach(
                (feature, at) -> text.append(feature).append('\t').append(at).append('\n'));
        Path indexFile = Files.createTempFile("featindex", ".txt");
        try {
            Files.writeString(indexFile, text);
            ClickModel model = new CalibratedModel(new LinearModel(weightArray, bias), new Calibrator.Identity());
            return new ModelStore(modelFolder)
                    .save(model, Map.of(), ClickPredictionService.CTR, trainedAt, Map.of(), indexFile)
                    .id();
        } finally {
            Files.deleteIfExists(indexFile);
        }
    }
}
