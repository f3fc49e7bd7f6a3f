package com.agentfactory.recommendation.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The models in service, trained together from one snapshot of the interactions and the catalog.
 * User-based models answer {@code recommend(userItemWeights, exclude, n)}, item-based ones
 * {@code similar(itemId, exclude, n)}; {@link Ensemble} blends their lists.
 *
 * @param itemCf item-item collaborative filtering (co-view, co-purchase)
 * @param popularity best sellers, global and per category, over decayed signals (so: trending)
 * @param userCf user-user collaborative filtering
 * @param ease implicit-feedback item-item model (EASE^R)
 * @param als implicit-feedback matrix factorisation by alternating least squares
 * @param ratings matrix factorisation with biases for explicit ratings
 * @param content TF-IDF similarity of product texts
 * @param session next item from recent sequences
 */
public record TrainedModels(
        int version,
        Instant trainedAt,
        ItemCfModel itemCf,
        PopularityModel popularity,
        UserCfModel userCf,
        EaseModel ease,
        AlsModel als,
        BiasedMfModel ratings,
        ContentModel content,
        SessionModel session) {

    static TrainedModels untrained() {
        return new TrainedModels(
                0,
                Instant.EPOCH,
                ItemCfModel.train(List.of(), 1),
                PopularityModel.train(List.of(), Map.of()),
                UserCfModel.train(List.of(), 1),
                EaseModel.train(List.of(), 1.0, 1),
                AlsModel.train(List.of(), AlsModel.Settings.DEFAULTS),
                BiasedMfModel.train(List.of(), BiasedMfModel.Settings.DEFAULTS),
                ContentModel.train(Map.of(), 1),
                SessionModel.train(List.of(), 1, 1));
    }
}
