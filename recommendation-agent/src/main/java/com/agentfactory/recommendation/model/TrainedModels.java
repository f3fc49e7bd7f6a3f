package com.agentfactory.recommendation.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The models in service, trained together from one snapshot of the interactions and the catalog, with the
 * ensemble weights learned for them. User-based models answer {@code recommend(userItemWeights, exclude, n)},
 * item-based ones {@code similar(itemId, exclude, n)}; {@link Ensemble} blends their lists. No rating model
 * is trained: the service sees views, carts and purchases, never ratings, and a rating model fitted to
 * implicit weights only learns their constant.
 *
 * @param itemCf item-item collaborative filtering (co-view, co-purchase)
 * @param popularity best sellers, global and per category, over decayed signals (so: trending)
 * @param trending recency-aware popularity per country, backing off to global
 * @param newlySelling the same over the products first sold lately ({@link NewArrivals})
 * @param userCf user-user collaborative filtering
 * @param ease implicit-feedback item-item model (EASE^R)
 * @param als implicit-feedback matrix factorisation by alternating least squares
 * @param content TF-IDF similarity of product texts
 * @param session next item from recent sequences
 * @param blend the ensemble weights learned for this version
 */
public record TrainedModels(
        int version,
        Instant trainedAt,
        ItemCfModel itemCf,
        PopularityModel popularity,
        TrendingModel trending,
        TrendingModel newlySelling,
        UserCfModel userCf,
        EaseModel ease,
        AlsModel als,
        ContentModel content,
        SessionModel session,
        BlendWeights blend) {

    static TrainedModels untrained() {
        return new TrainedModels(
                0,
                Instant.EPOCH,
                ItemCfModel.train(List.of(), 1),
                PopularityModel.train(List.of(), Map.of()),
                TrendingModel.train(List.of(), Map.of(), 1),
                TrendingModel.train(List.of(), Map.of(), 1),
                UserCfModel.train(List.of(), 1),
                EaseModel.train(List.of(), 1.0, 1),
                AlsModel.train(List.of(), AlsModel.Settings.DEFAULTS),
                ContentModel.train(Map.of(), 1),
                SessionModel.train(List.of(), 1, 1),
                BlendWeights.NONE);
    }

    TrainedModels withBlend(BlendWeights learned) {
        return new TrainedModels(
                version,
                trainedAt,
                itemCf,
                popularity,
                trending,
                newlySelling,
                userCf,
                ease,
                als,
                content,
                session,
                learned);
    }
}
