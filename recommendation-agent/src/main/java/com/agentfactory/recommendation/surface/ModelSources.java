package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.model.CandidateSources;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.TrainedModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate lists each trained model proposes, named by source. The names are the ones lists report
 * as a product's {@code source} and the keys of the ensemble weights.
 */
final class ModelSources {

    static final String ITEM_CF = CandidateSources.ITEM_CF;
    static final String USER_CF = CandidateSources.USER_CF;
    static final String IMPLICIT_MF = CandidateSources.IMPLICIT_MF;
    static final String EASE = CandidateSources.EASE;
    static final String SESSION = CandidateSources.SESSION;
    static final String CONTENT = CandidateSources.CONTENT;
    static final String TRENDING = CandidateSources.TRENDING;
    static final String CATEGORY_POPULARITY = "category_popularity";
    static final String POPULARITY = CandidateSources.POPULARITY;
    static final String NEW_ARRIVALS = "new_arrivals";

    private ModelSources() {}

    static Map<String, Double> weights(RecommendationProperties.Weights weights) {
        return Map.of(
                TRENDING, weights.trending(),
                ITEM_CF, weights.itemCf(),
                USER_CF, weights.userCf(),
                IMPLICIT_MF, weights.implicitMf(),
                EASE, weights.ease(),
                SESSION, weights.session(),
                CONTENT, weights.content(),
                CATEGORY_POPULARITY, weights.categoryPopularity(),
                POPULARITY, weights.popularity());
    }

    /**
     * What the models propose to a user with this decayed interest per product, these latest products and
     * this country (null when unknown).
     */
    static Map<String, List<ScoredItem>> forUser(
            TrainedModels models,
            Map<String, Double> history,
            List<String> recent,
            String country,
            Set<String> exclude,
            int pool) {
        return new LinkedHashMap<>(CandidateSources.forUser(models, history, recent, country, exclude, pool));
    }

    /** What the models propose beside one product. */
    static Map<String, List<ScoredItem>> similarTo(TrainedModels models, String itemId, Set<String> exclude, int pool) {
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        sources.put(ITEM_CF, models.itemCf().similar(itemId, exclude, pool));
        sources.put(IMPLICIT_MF, models.als().similar(itemId, exclude, pool));
        sources.put(EASE, models.ease().similar(itemId, exclude, pool));
        sources.put(SESSION, models.session().similar(itemId, exclude, pool));
        sources.put(CONTENT, models.content().similar(itemId, exclude, pool));
        return sources;
    }
}
