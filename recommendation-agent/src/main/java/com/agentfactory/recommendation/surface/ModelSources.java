package com.agentfactory.recommendation.surface;

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

    static final String ITEM_CF = "item_cf";
    static final String USER_CF = "user_cf";
    static final String IMPLICIT_MF = "implicit_mf";
    static final String EASE = "ease";
    static final String SESSION = "session";
    static final String CONTENT = "content";
    static final String CATEGORY_POPULARITY = "category_popularity";
    static final String POPULARITY = "popularity";
    static final String NEW_ARRIVALS = "new_arrivals";

    private ModelSources() {}

    static Map<String, Double> weights(RecommendationProperties.Weights weights) {
        return Map.of(
                ITEM_CF, weights.itemCf(),
                USER_CF, weights.userCf(),
                IMPLICIT_MF, weights.implicitMf(),
                EASE, weights.ease(),
                SESSION, weights.session(),
                CONTENT, weights.content(),
                CATEGORY_POPULARITY, weights.categoryPopularity(),
                POPULARITY, weights.popularity());
    }

    /** What the models propose to a user with this decayed interest per product and these latest products. */
    static Map<String, List<ScoredItem>> forUser(
            TrainedModels models, Map<String, Double> history, List<String> recent, Set<String> exclude, int pool) {
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            sources.put(ITEM_CF, models.itemCf().recommend(history, exclude, pool));
            sources.put(USER_CF, models.userCf().recommend(history, exclude, pool));
            sources.put(IMPLICIT_MF, models.als().recommend(history, exclude, pool));
            sources.put(EASE, models.ease().recommend(history, exclude, pool));
            sources.put(CONTENT, models.content().recommend(history, exclude, pool));
            sources.put(SESSION, models.session().next(recent, exclude, pool));
        }
        // popularity is trained on decayed signals, so it is what is trending
        sources.put(POPULARITY, models.popularity().top(exclude, pool));
        return sources;
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
