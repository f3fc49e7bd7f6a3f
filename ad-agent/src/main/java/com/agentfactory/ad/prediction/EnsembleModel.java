package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The mean of its members' calibrated log-odds: trees and hashed crosses err in different places. */
final class EnsembleModel implements ClickModel {

    static final String KIND = "ensemble";

    private final List<CalibratedModel> members;

    EnsembleModel(List<CalibratedModel> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double predict(SparseFeatures features) {
        double sum = 0;
        for (int i = 0; i < members.size(); i++) {
            sum += Probabilities.logit(members.get(i).predict(features));
        }
        return Probabilities.sigmoid(sum / members.size());
    }

    List<CalibratedModel> members() {
        return members;
    }

    /** Each member in a sub-folder named after its kind. */
    @Override
    public void save(Path folder) throws IOException {
        for (CalibratedModel member : members) {
            Path memberFolder = Files.createDirectories(folder.resolve(member.kind()));
            ClickModels.save(member, memberFolder, java.util.Map.of());
        }
    }
}
