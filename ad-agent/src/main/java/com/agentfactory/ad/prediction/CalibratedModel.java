package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Path;

/** A model whose scores pass through a calibrator fitted on held-out data. */
final class CalibratedModel implements ClickModel {

    private final ClickModel raw;
    private final Calibrator calibrator;

    CalibratedModel(ClickModel raw, Calibrator calibrator) {
        this.raw = raw;
        this.calibrator = calibrator;
    }

    @Override
    public String kind() {
        return raw.kind();
    }

    @Override
    public double predict(SparseFeatures features) {
        return calibrator.apply(raw.predict(features));
    }

    ClickModel raw() {
        return raw;
    }

    Calibrator calibrator() {
        return calibrator;
    }

    /** Saves the raw model; the calibration goes into the version's description (see {@link ClickModels}). */
    @Override
    public void save(Path folder) throws IOException {
        raw.save(folder);
    }
}
