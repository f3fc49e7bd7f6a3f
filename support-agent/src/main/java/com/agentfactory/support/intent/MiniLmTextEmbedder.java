package com.agentfactory.support.intent;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 run in-process through ONNX Runtime; the weights ship inside the langchain4j jar, so nothing is
 * downloaded. The model takes seconds to load, hence one shared instance per JVM.
 *
 * <p>The weights are copied from the jar to a temporary file and ONNX Runtime opens that file: langchain4j's own
 * {@link AllMiniLmL6V2EmbeddingModel} reads the 90 MB model into a growing byte array first, which needs about
 * 300 MB of heap just to start; from a file the model lives in native memory only.
 */
public final class MiniLmTextEmbedder implements TextEmbedder {

    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    /** Texts are embedded in slices so that a large batch does not hold every tensor at once. */
    private static final int BATCH = 64;

    private final AbstractInProcessEmbeddingModel model;

    // A customer message is embedded twice at the same moment, once to classify it and once to search the knowledge
    // base. Caffeine computes a key once while other callers for it wait, so the second embedding is free; the
    // vectors handed out are shared and must not be modified.
    private final Cache<String, float[]> recent = Caffeine.newBuilder()
            .maximumSize(512)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private MiniLmTextEmbedder() {
        try {
            Path folder = Files.createTempDirectory("minilm");
            Path model = extract(MODEL, folder);
            Path tokenizer = extract(TOKENIZER, folder);
            this.model = new Model(encoder(model, tokenizer));
            // ONNX Runtime has the model in memory now; the copies are not needed after exit
            model.toFile().deleteOnExit();
            tokenizer.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedding model", e);
        }
    }

    /**
     * ONNX Runtime's CPU memory arena grows in ever larger chunks and keeps them for the life of the session; with
     * the model's weights in it, and the memory patterns it plans per input shape, it held about 40 MB more native
     * memory than the model needs. Without both, each run allocates and frees its own tensors, and embedding was
     * measured no slower for it.
     */
    private static OnnxBertBiEncoder encoder(Path model, Path tokenizer) throws IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizerJson = Files.newInputStream(tokenizer)) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession session = environment.createSession(model.toString(), options);
            // mean pooling, as AllMiniLmL6V2EmbeddingModel and the sentence-transformers original use
            return new OnnxBertBiEncoder(environment, session, tokenizerJson, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    /** langchain4j's in-process model around an encoder whose session options are ours. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    private static Path extract(String resource, Path folder) throws IOException {
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " not on the class path");
            }
            Path target = folder.resolve(resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static final class Holder {
        private static final MiniLmTextEmbedder INSTANCE = new MiniLmTextEmbedder();
    }

    public static MiniLmTextEmbedder shared() {
        return Holder.INSTANCE;
    }

    @Override
    public float[] embed(String text) {
        return recent.get(text, single -> embed(List.of(single))[0]);
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> segments = new ArrayList<>();
            for (String text : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
                // the tokenizer rejects empty input; a single space embeds as "no content"
                segments.add(TextSegment.from(text.isBlank() ? " " : text));
            }
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int i = 0; i < embeddings.size(); i++) {
                out[from + i] = Vectors.normalized(embeddings.get(i).vector());
            }
        }
        return out;
    }
}
