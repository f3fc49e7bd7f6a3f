package com.agentfactory.support.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon sentiment following VADER's rules (Hutto and Gilbert 2014): valences on a -4..4 scale, negation within
 * three words flips and damps a term, boosters and ALL-CAPS amplify, exclamation marks add emphasis, and the sum
 * is squashed into [-1, 1] with x / sqrt(x^2 + 15). VADER's own lexicon is tuned for social media and its Java
 * ports are unmaintained, so the lexicon here is a support-domain list shipped as a resource the shop can edit.
 * Frustration and urgency are cue phrases (also resources) plus tone: strong negativity or shouting.
 */
public final class SentimentAnalyzer {

    private static final double ALPHA = 15;
    private static final double BOOST = 0.293;
    private static final double NEGATION_FACTOR = -0.74;
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’-]+|!");
    private static final Set<String> NEGATIONS = Set.of(
            "not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "can't", "cannot",
            "won't", "nothing", "hardly", "nicht", "kein", "keine", "pas", "jamais", "nunca", "niet", "geen", "non",
            "mai");
    private static final Set<String> BOOSTERS = Set.of(
            "very",
            "really",
            "so",
            "extremely",
            "totally",
            "completely",
            "absolutely",
            "incredibly",
            "super",
            "sehr",
            "très",
            "muy",
            "erg",
            "molto");

    private final Map<String, Double> lexicon;
    private final int longestPhrase;
    private final List<Pattern> frustrationCues;
    private final List<Pattern> urgencyCues;

    public SentimentAnalyzer() {
        this.lexicon = new HashMap<>();
        for (String[] row : rows("/sentiment/lexicon.txt")) {
            lexicon.put(row[0], Double.parseDouble(row[1]));
        }
        this.longestPhrase = lexicon.keySet().stream()
                .mapToInt(k -> k.split(" ").length)
                .max()
                .orElse(1);
        this.frustrationCues = new ArrayList<>();
        this.urgencyCues = new ArrayList<>();
        for (String[] row : rows("/sentiment/cues.txt")) {
            Pattern cue = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(row[1]) + "(?![\\p{L}])");
            (row[0].equals("urgency") ? urgencyCues : frustrationCues).add(cue);
        }
    }

    public Sentiment analyze(String text) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> shouted = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String token = m.group();
            shouted.add(token.length() > 2
                    && token.equals(token.toUpperCase(Locale.ROOT))
                    && !token.equals(token.toLowerCase(Locale.ROOT)));
            tokens.add(token.toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        int exclamations = 0;
        int shoutedWords = 0;
        double sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("!")) {
                exclamations++;
                continue;
            }
            if (shouted.get(i)) {
                shoutedWords++;
            }
            int length = 0;
            Double valence = null;
            for (int n = Math.min(longestPhrase, tokens.size() - i); n >= 1 && valence == null; n--) {
                valence = lexicon.get(String.join(" ", tokens.subList(i, i + n)));
                length = n;
            }
            if (valence == null) {
                continue;
            }
            double v = valence;
            if (shouted.get(i)) {
                v += Math.signum(v) * 0.733;
            }
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String previous = tokens.get(i - back);
                if (NEGATIONS.contains(previous)) {
                    v *= NEGATION_FACTOR;
                } else if (back == 1 && BOOSTERS.contains(previous)) {
                    v += Math.signum(v) * BOOST;
                }
            }
            sum += v;
            i += length - 1;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(4, exclamations) * 0.292;
        }
        double score = sum / Math.sqrt(sum * sum + ALPHA);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean shouting = shoutedWords >= 2 || exclamations >= 3;
        boolean frustrated = score <= -0.5
                || (score < 0 && shouting)
                || frustrationCues.stream().anyMatch(p -> p.matcher(lower).find());
        boolean urgent = urgencyCues.stream().anyMatch(p -> p.matcher(lower).find());
        return new Sentiment(Math.max(-1, Math.min(1, score)), frustrated, urgent);
    }

    private static List<String[]> rows(String resource) {
        var stream = SentimentAnalyzer.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String[]> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
