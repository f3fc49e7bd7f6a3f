package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained response model: the probability of a click (or of a conversion after a click) for one impression.
 * Implementations answer from arrays in memory without allocating, so bidding can call them per request.
 */
public interface ClickModel {

    /** The model family, as named on the command line: {@code ftrl}, {@code gbt}, {@code lr}, ... */
    String kind();

    /** The probability of a positive label for these features, in (0, 1). */
    double predict(SparseFeatures features);

    /** Writes the model's files into an existing, empty folder; {@link ClickModels#load} reads them back. */
    void save(Path folder) throws IOException;
}
