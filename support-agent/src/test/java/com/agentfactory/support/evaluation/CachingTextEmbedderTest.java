package com.agentfactory.support.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.intent.TextEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTextEmbedderTest {

    @TempDir
    Path folder;

    /** Embeds a text as its length and remembers what it was asked. */
    private static final class CountingEmbedder implements TextEmbedder {
        final List<String> asked = new ArrayList<>();

        @Override
        public float[][] embed(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length(), 1}).toArray(float[][]::new);
        }
    }

    @Test
    void embedsEachTextOnceAcrossRuns() {
        Path file = folder.resolve("cache.bin");
        var first = new CountingEmbedder();
        new CachingTextEmbedder(first, file).embed(List.of("hello", "hi", "hello"));

        var second = new CountingEmbedder();
        float[][] vectors = new CachingTextEmbedder(second, file).embed(List.of("hi", "new one"));

        assertThat(first.asked).containsExactly("hello", "hi");
        assertThat(second.asked).containsExactly("new one");
        assertThat(vectors[0]).containsExactly(2f, 1f);
        assertThat(vectors[1]).containsExactly(7f, 1f);
    }
}
