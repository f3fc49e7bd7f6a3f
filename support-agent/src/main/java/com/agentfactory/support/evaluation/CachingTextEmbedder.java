package com.agentfactory.support.evaluation;

import com.agentfactory.support.intent.TextEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps embeddings in a file between runs, so that repeated evaluations skip the slow embedding step. */
final class CachingTextEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final Path file;
    private final Map<String, float[]> cache = new HashMap<>();

    CachingTextEmbedder(TextEmbedder delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
        if (Files.exists(file)) {
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = in.readFloat();
                    }
                    cache.put(text, v);
                }
            } catch (IOException e) {
                cache.clear();
            }
        }
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<String> missing = new ArrayList<>(
                texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList());
        if (!missing.isEmpty()) {
            float[][] computed = delegate.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), computed[i]);
            }
            save();
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = cache.get(texts.get(i));
        }
        return out;
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.writeInt(cache.size());
                for (var e : cache.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float v : e.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
