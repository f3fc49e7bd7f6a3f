package com.agentfactory.recommendation.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each test user went on to use, per protocol: customers seen in training ("known": only items new
 * to them count) and customers first seen in the test period ("fresh": everything they used); "all" is
 * both. A new customer's country comes from their test rows: it is part of the profile a shop has before
 * the first order, not of the behaviour being predicted.
 */
record Targets(
        Map<String, Set<String>> known,
        Map<String, Set<String>> fresh,
        Map<String, Set<String>> all,
        Map<String, String> newCountries,
        TrainingData data) {

    static Targets of(TrainingData data, List<InteractionFile.Row> test) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        Map<String, Set<String>> fresh = new LinkedHashMap<>();
        Map<String, String> newCountries = new HashMap<>();
        for (InteractionFile.Row row : test) {
            if (data.isKnown(row.userId())) {
                if (!data.seen().get(row.userId()).contains(row.itemId())) {
                    known.computeIfAbsent(row.userId(), u -> new HashSet<>()).add(row.itemId());
                }
            } else {
                fresh.computeIfAbsent(row.userId(), u -> new HashSet<>()).add(row.itemId());
                if (row.country() != null && !row.country().isBlank()) {
                    newCountries.putIfAbsent(row.userId(), row.country());
                }
            }
        }
        Map<String, Set<String>> all = new LinkedHashMap<>(known);
        all.putAll(fresh);
        return new Targets(known, fresh, all, newCountries, data);
    }

    String countryOf(String user) {
        String country = data.countryOf(user);
        return country != null ? country : newCountries.get(user);
    }
}
