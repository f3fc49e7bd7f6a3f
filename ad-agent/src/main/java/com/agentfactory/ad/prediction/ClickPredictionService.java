package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Serves the newest stored pCTR and pCVR models. Answers from arrays in memory: a bid's fields are encoded into a
 * per-thread buffer and scored without building strings or collections. Until a model is stored it answers the
 * configured prior rates, and {@link #ctrVersion()} is empty. A bid is scored by its fields through the feature
 * index stored with the version ({@value ModelStore#FEATURE_INDEX_FILE}), else through the configured one.
 */
@Service
public class ClickPredictionService {

    static final String CTR = "ctr";
    static final String CVR = "cvr";
    private static final Logger log = LoggerFactory.getLogger(ClickPredictionService.class);

    private final ModelStore store;
    private final ClickPredictionProperties properties;
    private final BidFeatureEncoder configuredEncoder;
    private final ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[BidFeatureEncoder.FIELD_COUNT]);
    private volatile Served ctr;
    private volatile Served cvr;

    ClickPredictionService(ClickPredictionProperties properties) {
        this.properties = properties;
        this.store = new ModelStore(Path.of(properties.modelFolder()));
        this.configuredEncoder =
                properties.featureIndex() == null || properties.featureIndex().isBlank()
                        ? null
                        : encoder(Path.of(properties.featureIndex()));
        reload();
    }

    /**
     * A service over a folder of model versions outside the application (benchmarks, tools): prior rates 0.001 and
     * 0.01 while nothing is stored, feature indices only from the stored versions.
     */
    public static ClickPredictionService of(Path modelFolder, ZoneId timeZone) {
        return new ClickPredictionService(
                new ClickPredictionProperties(modelFolder.toString(), "", 0.001, 0.01, timeZone));
    }

    /** Loads the newest stored version of each model, replacing the served ones in one step each. */
    public final void reload() {
        ctr = load(CTR);
        cvr = load(CVR);
    }

    /** The probability that this impression is clicked. */
    public double predictCtr(BidFeatures bid) {
        Served served = ctr;
        return served == null ? properties.defaultCtr() : served.model().predict(encode(served, bid));
    }

    /**
     * The served pCTR model's probability that this impression is clicked, or empty while no model that can read a
     * bid's fields is served: the caller then falls back to its own estimate.
     */
    public OptionalDouble ctrOf(BidFeatures bid) {
        return scored(ctr, bid);
    }

    /** The served pCVR model's probability that a click on this impression converts, or empty. */
    public OptionalDouble cvrOf(BidFeatures bid) {
        return scored(cvr, bid);
    }

    /** The time zone in which the models' hour and weekday fields are counted. */
    public ZoneId timeZone() {
        return properties.timeZone();
    }

    private OptionalDouble scored(Served served, BidFeatures bid) {
        return served == null || served.encoder() == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(served.model().predict(encode(served, bid)));
    }

    /** The probability that this impression is clicked, from features already in the models' index space. */
    public double predictCtr(SparseFeatures features) {
        Served served = ctr;
        return served == null ? properties.defaultCtr() : served.model().predict(features);
    }

    /** The probability that a click on this impression converts. */
    public double predictCvr(BidFeatures bid) {
        Served served = cvr;
        return served == null ? properties.defaultCvr() : served.model().predict(encode(served, bid));
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

    /** Whether the served pCTR model can score bids by their fields, that is whether it has a feature index. */
    public boolean encodesBids() {
        Served served = ctr;
        return served == null ? configuredEncoder != null : served.encoder() != null;
    }

    private SparseFeatures encode(Served served, BidFeatures bid) {
        if (served.encoder() == null) {
            throw new IllegalStateException("model " + served.version().id()
                    + " has no feature index and none is configured (agentfactory.ad.prediction.feature-index)");
        }
        int[] buffer = buffers.get();
        served.encoder().encode(bid, buffer);
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
            Path ownIndex = store.featureIndex(latest.get());
            BidFeatureEncoder encoder = Files.isRegularFile(ownIndex) ? encoder(ownIndex) : configuredEncoder;
            log.info(
                    "serving {} model {} ({}){}",
                    target,
                    latest.get().id(),
                    latest.get().kind(),
                    encoder == null ? " for encoded features only: no feature index" : "");
            return new Served(latest.get(), model, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not load model " + latest.get().id(), e);
        }
    }

    private static BidFeatureEncoder encoder(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no feature index at " + file);
        }
        try {
            return new BidFeatureEncoder(FeatureIndex.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Served(ModelVersion version, ClickModel model, BidFeatureEncoder encoder) {}
}
