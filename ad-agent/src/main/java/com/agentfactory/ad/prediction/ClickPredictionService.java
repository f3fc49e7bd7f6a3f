package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Serves the newest stored pCTR and pCVR models. Answers from arrays in memory: a bid's fields are encoded into a
 * per-thread buffer and scored without building strings or collections. Until a model is stored it answers the
 * configured prior rates, and {@link #ctrVersion()} is empty.
 */
@Service
public class ClickPredictionService {

    static final String CTR = "ctr";
    static final String CVR = "cvr";
    private static final Logger log = LoggerFactory.getLogger(ClickPredictionService.class);

    private final ModelStore store;
    private final ClickPredictionProperties properties;
    private final BidFeatureEncoder encoder;
    private final ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[BidFeatureEncoder.FIELD_COUNT]);
    private volatile Served ctr;
    private volatile Served cvr;

    ClickPredictionService(ClickPredictionProperties properties) {
        this.properties = properties;
        this.store = new ModelStore(Path.of(properties.modelFolder()));
        this.encoder = encoder(properties.featureIndex());
        reload();
    }

    /** Loads the newest stored version of each model, replacing the served ones in one step each. */
    public final void reload() {
        ctr = load(CTR);
        cvr = load(CVR);
    }

    /** The probability that this impression is clicked. */
    public double predictCtr(BidFeatures bid) {
        Served served = ctr;
        return served == null ? properties.defaultCtr() : served.model().predict(encode(bid));
    }

    /** The probability that this impression is clicked, from features already in the models' index space. */
    public double predictCtr(SparseFeatures features) {
        Served served = ctr;
        return served == null ? properties.defaultCtr() : served.model().predict(features);
    }

    /** The probability that a click on this impression converts. */
    public double predictCvr(BidFeatures bid) {
        Served served = cvr;
        return served == null ? properties.defaultCvr() : served.model().predict(encode(bid));
    }

    public double predictCvr(SparseFeatures features) {
        Served served = cvr;
        return served == null ? properties.defaultCvr() : served.model().predict(features);
    }

    public Optional<ModelVersion> ctrVersion() {
        Served served = ctr;
        return served == null ? Optional.empty() : Optional.of(served.version());
    }

    public Optional<ModelVersion> cvrVersion() {
        Served served = cvr;
        return served == null ? Optional.empty() : Optional.of(served.version());
    }

    /** Whether bids can be scored by their fields, that is whether a feature index is configured. */
    public boolean encodesBids() {
        return encoder != null;
    }

    private SparseFeatures encode(BidFeatures bid) {
        if (encoder == null) {
            throw new IllegalStateException(
                    "no feature index is configured (agentfactory.ad.prediction.feature-index)");
        }
        int[] buffer = buffers.get();
        encoder.encode(bid, buffer);
        return SparseFeatures.wrapSorted(buffer);
    }

    private Served load(String target) {
        Optional<ModelVersion> latest = store.latest(target);
        if (latest.isEmpty()) {
            log.info("no stored {} model in {}; answering the prior rate", target, properties.modelFolder());
            return null;
        }
        try {
            ClickModel model = store.load(latest.get());
            log.info(
                    "serving {} model {} ({})",
                    target,
                    latest.get().id(),
                    latest.get().kind());
            return new Served(latest.get(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not load model " + latest.get().id(), e);
        }
    }

    private static BidFeatureEncoder encoder(String featureIndex) {
        if (featureIndex == null || featureIndex.isBlank()) {
            return null;
        }
        Path file = Path.of(featureIndex);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no feature index at " + file);
        }
        try {
            return new BidFeatureEncoder(FeatureIndex.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Served(ModelVersion version, ClickModel model) {}
}
