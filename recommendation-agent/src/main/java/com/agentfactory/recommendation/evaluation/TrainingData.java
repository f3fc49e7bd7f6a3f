package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training rows in the shapes the models take: the full sequence (for next-item), one signal per user
 * and item (binary unless ratings are asked for), each user's items and latest items, countries and item
 * texts where the file has them, each item's first use (for new arrivals), and the signals decayed by age
 * for trending popularity.
 */
record TrainingData(
        List<Signal> sequence,
        List<Signal> signals,
        Map<String, Set<String>> seen,
        Map<String, Map<String, Double>> history,
        Map<String, List<String>> recent,
        Map<String, Map<String, Double>> ratings,
        Map<String, String> countries,
        Map<String, String> texts,
        Set<String> items,
        Map<String, Long> lastUse,
        Map<String, Long> firstSale,
        long lastTimestamp,
        boolean ratingsVary) {

    /** @param oldestFirst the training rows, oldest first */
    static TrainingData of(List<InteractionFile.Row> oldestFirst, boolean useRatings) {
        List<Signal> sequence = new ArrayList<>(oldestFirst.size());
        List<Signal> signals = new ArrayList<>();
        Map<String, Set<String>> seen = new HashMap<>();
        Map<String, Map<String, Double>> history = new HashMap<>();
        Map<String, List<String>> recent = new HashMap<>();
        Map<String, Map<String, Double>> ratings = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        Set<String> items = new LinkedHashSet<>();
        Map<String, Long> lastUse = new HashMap<>();
        Map<String, Long> firstSale = new HashMap<>();
        Set<Double> ratingValues = new HashSet<>();
        long last = Long.MIN_VALUE;
        for (InteractionFile.Row row : oldestFirst) {
            double weight = useRatings ? row.rating() : 1.0;
            Signal signal = new Signal(row.userId(), row.itemId(), weight);
            sequence.add(signal);
            // binary weights mean "used or not": a product bought on five invoices counts once, except in sequences
            boolean first =
                    seen.computeIfAbsent(row.userId(), u -> new HashSet<>()).add(row.itemId());
            if (useRatings || first) {
                signals.add(signal);
                history.computeIfAbsent(row.userId(), u -> new HashMap<>()).merge(row.itemId(), weight, Double::sum);
            }
            recent.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row.itemId());
            ratings.computeIfAbsent(row.userId(), u -> new HashMap<>()).put(row.itemId(), row.rating());
            ratingValues.add(row.rating());
            if (row.country() != null && !row.country().isBlank()) {
                countries.put(row.userId(), row.country());
            }
            if (row.text() != null && !row.text().isBlank()) {
                texts.putIfAbsent(row.itemId(), row.text());
            }
            items.add(row.itemId());
            lastUse.put(row.userId() + "\t" + row.itemId(), row.timestamp());
            firstSale.putIfAbsent(row.itemId(), row.timestamp());
            last = Math.max(last, row.timestamp());
        }
        return new TrainingData(
                sequence,
                signals,
                seen,
                history,
                recent,
                ratings,
                countries,
                texts,
                items,
                lastUse,
                firstSale,
                last,
                ratingValues.size() > 1);
    }

    /** When each item was first used, for telling new arrivals. */
    Map<String, java.time.Instant> firstSeen() {
        Map<String, java.time.Instant> firstSeen = new HashMap<>();
        firstSale.forEach((item, at) -> firstSeen.put(item, java.time.Instant.ofEpochSecond(at)));
        return firstSeen;
    }

    boolean isKnown(String user) {
        return seen.containsKey(user);
    }

    String countryOf(String user) {
        return countries.get(user);
    }

    /**
     * A user's items weighted by recency, as the service's decayed history weighs them: 1 for an item
     * bought on the last day of training, halved every {@code halfLifeDays} before.
     */
    Map<String, Double> recentHistory(String user, double halfLifeDays) {
        Map<String, Double> weighted = new HashMap<>();
        for (String item : seen.getOrDefault(user, Set.of())) {
            double ageDays = (lastTimestamp - lastUse.get(user + "\t" + item)) / 86_400.0;
            weighted.put(item, Math.pow(0.5, ageDays / halfLifeDays));
        }
        return weighted;
    }

    /** One signal per user and item, halved every {@code halfLifeDays} between its last use and the end. */
    List<Signal> decayed(double halfLifeDays) {
        List<Signal> decayed = new ArrayList<>(lastUse.size());
        lastUse.forEach((key, at) -> {
            int tab = key.indexOf('\t');
            double ageDays = (lastTimestamp - at) / 86_400.0;
            decayed.add(
                    new Signal(key.substring(0, tab), key.substring(tab + 1), Math.pow(0.5, ageDays / halfLifeDays)));
        });
        return decayed;
    }
}
