package com.agentfactory.recommendation.rerank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes candidates best first and keeps that order, except that it holds back an item of an already
 * shown category whenever the remaining slots are needed to reach the required number of distinct
 * categories (the share of the list length, rounded up, capped by the categories the candidates have).
 */
final class DiversityReranker {

    private DiversityReranker() {}

    static <T> List<T> rerank(List<T> candidates, int limit, double minCategoryShare, Function<T, String> category) {
        Set<String> available = new HashSet<>();
        candidates.forEach(candidate -> available.add(categoryOf(candidate, category)));
        int size = Math.min(limit, candidates.size());
        int required = Math.min((int) Math.ceil(minCategoryShare * size), available.size());

        List<T> chosen = new ArrayList<>(size);
        List<T> heldBack = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (T candidate : candidates) {
            if (chosen.size() == size) {
                break;
            }
            String itsCategory = categoryOf(candidate, category);
            int missing = required - shown.size();
            int slotsLeft = size - chosen.size();
            if (!shown.contains(itsCategory) || slotsLeft > missing) {
                chosen.add(candidate);
                shown.add(itsCategory);
            } else {
                heldBack.add(candidate);
            }
        }
        for (T candidate : heldBack) {
            if (chosen.size() == size) {
                break;
            }
            chosen.add(candidate);
        }
        return chosen;
    }

    // products without a category count as one category of their own kind
    private static <T> String categoryOf(T candidate, Function<T, String> category) {
        String value = category.apply(candidate);
        return value == null ? "" : value;
    }
}
