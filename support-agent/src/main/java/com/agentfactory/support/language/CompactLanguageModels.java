package com.agentfactory.support.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.TrainingDataLanguageModel;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * Lingua 1.2.2, its last release for the JVM, keeps its n-gram models as hash maps of strings: about 27 MB of heap per
 * language, 160 MB for the store's six, most of the support agent's heap. It holds them in a cache of its own (one
 * per n-gram length, by language) that it fills on first use and then only reads. Filling that cache first with the
 * same models compacted ({@link CompactNgramModel}) leaves Lingua's detection as it is, rules and arithmetic, in 28 MB
 * for the six (2.3 million n-grams); the frequencies are Lingua's own, read by its own reader. The cache and the reader are
 * Kotlin-internal (public in the bytecode under these names), so an upgrade that changes them fails to compile here
 * rather than going unnoticed.
 */
final class CompactLanguageModels {

    private static final List<String> NGRAM_NAMES = List.of("unigram", "bigram", "trigram", "quadrigram", "fivegram");

    private CompactLanguageModels() {}

    /** Models for the n-gram lengths the detector will read: trigrams alone in low-accuracy mode, else one to five. */
    static void install(Collection<Language> languages, boolean lowAccuracy) {
        for (Language language : languages) {
            if (lowAccuracy) {
                install(language, 3);
            } else {
                for (int length = 1; length <= NGRAM_NAMES.size(); length++) {
                    install(language, length);
                }
            }
        }
    }

    private static void install(Language language, int length) {
        EnumMap<Language, Object2FloatMap<String>> cache = cacheFor(length);
        synchronized (cache) {
            if (cache.containsKey(language)) {
                return;
            }
        }
        Optional<Object2FloatMap<String>> model = read(language, length);
        if (model.isEmpty()) {
            return; // a model Lingua does not ship: it answers that itself
        }
        Object2FloatMap<String> compact = CompactNgramModel.of(model.get(), length)
                .<Object2FloatMap<String>>map(m -> m)
                .orElse(model.get());
        synchronized (cache) {
            cache.putIfAbsent(language, compact);
        }
    }

    static EnumMap<Language, Object2FloatMap<String>> cacheFor(int length) {
        var detectors = LanguageDetector.Companion;
        return switch (length) {
            case 1 -> detectors.getUnigramLanguageModels$lingua();
            case 2 -> detectors.getBigramLanguageModels$lingua();
            case 3 -> detectors.getTrigramLanguageModels$lingua();
            case 4 -> detectors.getQuadrigramLanguageModels$lingua();
            case 5 -> detectors.getFivegramLanguageModels$lingua();
            default -> throw new IllegalArgumentException("Lingua's n-grams are 1 to 5 characters long, not " + length);
        };
    }

    /** The model as Lingua reads it, from the resource it reads it from. */
    static Optional<Object2FloatMap<String>> read(Language language, int length) {
        String path = "/language-models/" + language.getIsoCode639_1() + "/" + NGRAM_NAMES.get(length - 1) + "s.json";
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(TrainingDataLanguageModel.Companion.fromJson(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua's model " + path, e);
        }
    }
}
