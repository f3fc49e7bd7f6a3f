package com.agentfactory.support.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names to look up in text, each mapped to its canonical value. Countries come from the JDK's ISO 3166 tables in
 * the store's languages (kept current by the JDK); cities and given names from small lists shipped with the module.
 */
final class Gazetteer {

    private final Map<String, String> canonical;
    private final Pattern pattern;

    private Gazetteer(Map<String, String> canonical) {
        this.canonical = canonical;
        // longest names first so that "New York City" wins over "New York"
        String alternation = canonical.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])");
    }

    Pattern pattern() {
        return pattern;
    }

    String canonical(String surface) {
        return canonical.get(surface);
    }

    static Gazetteer countries(List<Locale> languages) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            for (Locale language : languages) {
                String name = country.getDisplayCountry(language);
                if (!name.isBlank() && !name.equals(code)) {
                    names.putIfAbsent(name, code);
                }
            }
        }
        // everyday names the ISO tables do not carry
        Map.of(
                        "USA", "US",
                        "U.S.A.", "US",
                        "U.S.", "US",
                        "America", "US",
                        "UK", "GB",
                        "U.K.", "GB",
                        "Britain", "GB",
                        "Great Britain", "GB",
                        "England", "GB",
                        "Holland", "NL")
                .forEach(names::putIfAbsent);
        names.putIfAbsent("Scotland", "GB");
        names.putIfAbsent("Wales", "GB");
        names.putIfAbsent("Deutschland", "DE");
        names.putIfAbsent("Czech Republic", "CZ");
        return new Gazetteer(names);
    }

    static Gazetteer cities() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : lines("/entity/cities.txt")) {
            String[] parts = line.split("\\|", -1);
            names.put(parts[0], parts[0]);
            if (parts.length > 2 && !parts[2].isBlank()) {
                for (String alias : parts[2].split(";")) {
                    names.putIfAbsent(alias.strip(), parts[0]);
                }
            }
        }
        return new Gazetteer(names);
    }

    static Set<String> firstNames() {
        return Set.copyOf(lines("/entity/first-names.txt"));
    }

    private static List<String> lines(String resource) {
        var stream = Gazetteer.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
