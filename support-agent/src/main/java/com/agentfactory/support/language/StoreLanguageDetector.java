package com.agentfactory.support.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lingua restricted to the store's languages: fewer candidates make it both more accurate and far lighter (all 75
 * languages need over a gigabyte of heap), with its models held compactly ({@link CompactLanguageModels}). Text that
 * fits none of them well enough comes out empty.
 */
public final class StoreLanguageDetector {

    /** Lingua needs a few words; below this many letters a guess is noise. */
    private static final int MIN_LETTERS = 3;

    private final LanguageDetector detector;
    private final List<String> languages;

    public StoreLanguageDetector(List<String> isoCodes, double minimumRelativeDistance) {
        this(isoCodes, minimumRelativeDistance, false);
    }

    /**
     * @param lowAccuracy trigram models only: about 0.2 MB of heap per language instead of about 5 MB, but unreliable
     *     on messages of a few words
     */
    public StoreLanguageDetector(List<String> isoCodes, double minimumRelativeDistance, boolean lowAccuracy) {
        if (isoCodes.isEmpty()) {
            throw new IllegalArgumentException("at least one store language is needed");
        }
        List<Language> selected = new ArrayList<>();
        for (String code : isoCodes) {
            IsoCode639_1 iso;
            try {
                iso = IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown ISO 639-1 language code: " + code, e);
            }
            selected.add(Language.getByIsoCode639_1(iso));
        }
        this.languages = List.copyOf(
                isoCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
        // Lingua needs two candidates at least; a one-language store has nothing to tell apart
        if (selected.size() < 2) {
            this.detector = null;
        } else {
            CompactLanguageModels.install(selected, lowAccuracy);
            var builder = LanguageDetectorBuilder.fromLanguages(selected.toArray(Language[]::new))
                    .withMinimumRelativeDistance(minimumRelativeDistance)
                    .withPreloadedLanguageModels();
            this.detector = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
        }
    }

    public List<String> languages() {
        return languages;
    }

    /** ISO 639-1 code of the language, or empty when the text is too short or in none of the store's languages. */
    public Optional<String> detect(String text) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        if (detector == null) {
            return Optional.of(languages.getFirst());
        }
        Language language = detector.detectLanguageOf(text);
        if (language == Language.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }
}
