package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Model versions in a folder, one sub-folder per version holding the model's files and {@code version.json}.
 * Files rather than database rows because the artefacts are megabytes of weights that the training command
 * writes offline and a service reads once at start-up.
 */
final class ModelStore {

    static final String VERSION_FILE = "version.json";
    static final String FEATURE_INDEX_FILE = "featindex.txt";
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    ModelStore(Path root) {
        this.root = root;
    }

    ModelVersion save(
            ClickModel model,
            Map<String, Object> settings,
            String target,
            Instant trainedAt,
            Map<String, Object> metrics)
            throws IOException {
        return save(model, settings, target, trainedAt, metrics, null);
    }

    /**
     * Stores a new version; with a feature index, a copy goes into the version, so a bid's fields are encoded as the
     * rows the model was trained on were.
     */
    ModelVersion save(
            ClickModel model,
            Map<String, Object> settings,
            String target,
            Instant trainedAt,
            Map<String, Object> metrics,
            Path featureIndex)
            throws IOException {
        String id = FOLDER_TIME.format(trainedAt) + "-" + model.kind() + "-" + target + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createDirectories(root.resolve(id));
        ClickModels.save(model, folder, settings);
        if (featureIndex != null) {
            Files.copy(featureIndex, folder.resolve(FEATURE_INDEX_FILE));
        }
        ModelVersion version = new ModelVersion(id, model.kind(), target, trainedAt, metrics);
        Files.write(folder.resolve(VERSION_FILE), Xgboost.JSON.writeValueAsBytes(version));
        return version;
    }

    /** The newest version for the target, by training time. */
    Optional<ModelVersion> latest(String target) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(VERSION_FILE)))
                    .map(ModelStore::readVersion)
                    .filter(version -> version.target().equals(target))
                    .max(Comparator.comparing(ModelVersion::trainedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path featureIndex(ModelVersion version) {
        return root.resolve(version.id()).resolve(FEATURE_INDEX_FILE);
    }

    ClickModel load(ModelVersion version) throws IOException {
        return ClickModels.load(root.resolve(version.id()));
    }

    private static ModelVersion readVersion(Path folder) {
        try {
            return Xgboost.JSON.readValue(Files.readAllBytes(folder.resolve(VERSION_FILE)), ModelVersion.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
