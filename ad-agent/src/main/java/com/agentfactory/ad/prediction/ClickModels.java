package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Saves a calibrated model with a description of how to read it back ({@code model.json}), and loads it. */
final class ClickModels {

    static final String DESCRIPTION_FILE = "model.json";

    private ClickModels() {}

    static void save(ClickModel model, Path folder, Map<String, Object> settings) throws IOException {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", model.kind());
        description.put("settings", settings);
        switch (model) {
            case CalibratedModel calibrated -> {
                description.put("calibration", calibrated.calibrator().describe());
                if (calibrated.raw() instanceof GbtModel gbt) {
                    description.put("intercept", gbt.intercept());
                } else if (calibrated.raw() instanceof CrossedGbtModel crossed) {
                    description.put("intercept", crossed.trees().intercept());
                }
            }
            case EnsembleModel ensemble ->
                description.put(
                        "members",
                        ensemble.members().stream().map(ClickModel::kind).toList());
            default -> description.put("calibration", new Calibrator.Identity().describe());
        }
        model.save(folder);
        Files.write(folder.resolve(DESCRIPTION_FILE), Xgboost.JSON.writeValueAsBytes(description));
    }

    static ClickModel load(Path folder) throws IOException {
        Map<String, Object> description = Xgboost.JSON.readValue(
                Files.readAllBytes(folder.resolve(DESCRIPTION_FILE)), new TypeReference<Map<String, Object>>() {});
        String kind = String.valueOf(description.get("kind"));
        if (EnsembleModel.KIND.equals(kind)) {
            List<CalibratedModel> members = new ArrayList<>();
            for (Object member : (List<?>) description.get("members")) {
                members.add((CalibratedModel) load(folder.resolve(String.valueOf(member))));
            }
            return new EnsembleModel(members);
        }
        @SuppressWarnings("unchecked")
        Calibrator calibrator = Calibrator.fromDescription((Map<String, Object>) description.get("calibration"));
        ClickModel raw =
                switch (kind) {
                    case FtrlModel.KIND -> FtrlModel.load(folder);
                    case GbtModel.KIND -> GbtModel.load(folder, ((Number) description.get("intercept")).doubleValue());
                    case LinearModel.KIND -> LinearModel.load(folder);
                    case CrossedGbtModel.KIND ->
                        CrossedGbtModel.load(folder, ((Number) description.get("intercept")).doubleValue());
                    default -> throw new IOException("unknown model kind '" + kind + "' in " + folder);
                };
        return new CalibratedModel(raw, calibrator);
    }
}
