package com.agentfactory.support.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatOpenHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactNgramModelTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void answersEveryFrequencyOfLinguasOwnModel(int length) {
        Object2FloatMap<String> lingua =
                CompactLanguageModels.read(Language.GERMAN, length).orElseThrow();

        CompactNgramModel compact = CompactNgramModel.of(lingua, length).orElseThrow();

        assertThat(compact.size()).isEqualTo(lingua.size());
        Map<String, Float> mismatches = new HashMap<>();
        for (Object2FloatMap.Entry<String> entry : lingua.object2FloatEntrySet()) {
            float kept = compact.getFloat(entry.getKey());
            if (Float.compare(kept, entry.getFloatValue()) != 0) {
                mismatches.put(entry.getKey(), kept);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void answersZeroForWhatTheModelNeverSaw() {
        Object2FloatMap<String> lingua =
                CompactLanguageModels.read(Language.GERMAN, 3).orElseThrow();
        CompactNgramModel compact = CompactNgramModel.of(lingua, 3).orElseThrow();

        assertThat(lingua.getFloat("der")).isPositive();
        assertThat(compact.getFloat("der")).isEqualTo(lingua.getFloat("der"));
        assertThat(compact.getFloat("qxq")).isZero().isEqualTo(lingua.getFloat("qxq"));
        assertThat(compact.getFloat("жзи")).isZero();
        assertThat(compact.getFloat("de")).isZero();
        assertThat(compact.getFloat("dern")).isZero();
        assertThat(compact.getFloat(42)).isZero();
        assertThat(compact.containsKey("der")).isTrue();
        assertThat(compact.containsKey("qxq")).isFalse();
    }

    @Test
    void listsTheSameNgramsItWasGiven() {
        var model = new Object2FloatOpenHashMap<String>();
        model.put("ab", 0.5f);
        model.put("ba", 0.25f);
        model.put("ßä", 0.125f);

        CompactNgramModel compact = CompactNgramModel.of(model, 2).orElseThrow();

        assertThat(new HashMap<>(compact)).isEqualTo(Map.of("ab", 0.5f, "ba", 0.25f, "ßä", 0.125f));
    }

    @Test
    void leavesAModelWhoseNgramsDoNotFitALongAsItIs() {
        var wideAlphabet = new Object2FloatOpenHashMap<String>();
        IntStream.range(0, 5_000)
                .forEach(i ->
                        wideAlphabet.put(String.valueOf((char) (0x4E00 + i)).repeat(5), 0.1f));
        var mixedLengths = new Object2FloatOpenHashMap<String>();
        List.of("abc", "abcd").forEach(ngram -> mixedLengths.put(ngram, 0.1f));

        assertThat(CompactNgramModel.of(wideAlphabet, 5)).isEmpty();
        assertThat(CompactNgramModel.of(mixedLengths, 3)).isEmpty();
    }

    @Test
    void theDetectorReadsTheCompactModelsFromLinguasCache() {
        var detector = new StoreLanguageDetector(List.of("en", "de"), 0.02);

        assertThat(detector.detect("Wo ist meine Bestellung?")).contains("de");
        for (int length = 1; length <= 5; length++) {
            assertThat(CompactLanguageModels.cacheFor(length).get(Language.GERMAN))
                    .isInstanceOf(CompactNgramModel.class);
        }
    }
}
