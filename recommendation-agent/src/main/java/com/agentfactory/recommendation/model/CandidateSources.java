package com.agentfactory.recommendation.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate lists the trained models propose to one user, named by source: what the served ensemble
 * blends, and what its weights are learned on, so both see the same lists. The names are the ones lists
 * report as a product's {@code source} and the keys of the ensemble weights.
 */
public final class CandidateSources {

    public static final String ITEM_CF = "item_cf";
    public static final String USER_CF = "user_cf";
    public static final String IMPLICIT_MF = "implicit_mf";
    public static final String EASE = "ease";
    public static final String SESSION = "session";
    public static final String CONTENT = "content";
    public static final String TRENDING = "trending";
    /** Trending among the products first sold lately (not the catalog's newest, which tops up short lists). */
    public static final String NEWLY_SELLING = "newly_selling";

    public static final String POPULARITY = "popularity";

    private CandidateSources() {}

    /**
     * @param history the user's decayed interest per product; empty for a new customer
     * @param recent the products the user interacted with last, oldest first (the current session)
     * @param country the customer's country, or null when unknown
     */
    public static Map<String, List<ScoredItem>> forUser(
            TrainedModels models,
            Map<String, Double> history,
            List<String> recent,
            String country,
            Set<String> exclude,
            int pool) {
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            sources.put(ITEM_CF, models.itemCf().recommend(history, exclude, pool));
            sources.put(USER_CF, models.userCf().recommend(history, exclude, pool));
            sources.put(IMPLICIT_MF, models.als().recommend(history, exclude, pool));
            sources.put(EASE, models.ease().recommend(history, exclude, pool));
            // the texts of what was viewed or bought: the one personal source that needs no co-occurrence
            sources.put(CONTENT, models.content().recommend(history, exclude, pool));
        }
        if (!recent.isEmpty()) {
            sources.put(SESSION, models.session().next(recent, exclude, pool));
        }
        // both are trained on decayed signals; trending also follows the customer's country
        sources.put(TRENDING, models.trending().top(country, exclude, pool));
        sources.put(NEWLY_SELLING, models.newlySelling().top(country, exclude, pool));
        sources.put(POPULARITY, models.popularity().top(exclude, pool));
        return sources;
    }
}
