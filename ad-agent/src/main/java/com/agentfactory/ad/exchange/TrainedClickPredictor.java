package com.agentfactory.ad.exchange;

import com.agentfactory.ad.prediction.ClickPredictionService;
import java.util.OptionalDouble;

/**
 * pCTR and pCVR from the served trained models (the newest stored versions) by the impression's fields; while no
 * model that reads a bid's fields is served, from the campaign's own history ({@link EmpiricalBayesClickPredictor}).
 */
class TrainedClickPredictor implements ClickPredictor {

    private final ClickPredictionService models;
    private final ClickPredictor fallback;

    TrainedClickPredictor(ClickPredictionService models, ClickPredictor fallback) {
        this.models = models;
        this.fallback = fallback;
    }

    @Override
    public double clickProbability(BidFeatures features, CampaignHistory history) {
        OptionalDouble trained =
                features.impression() == null ? OptionalDouble.empty() : models.ctrOf(features.impression());
        return trained.isPresent() ? trained.getAsDouble() : fallback.clickProbability(features, history);
    }

    @Override
    public double conversionProbability(BidFeatures features, CampaignHistory history) {
        OptionalDouble trained =
                features.impression() == null ? OptionalDouble.empty() : models.cvrOf(features.impression());
        return trained.isPresent() ? trained.getAsDouble() : fallback.conversionProbability(features, history);
    }
}
