package com.agentfactory.ad.exchange;

import com.agentfactory.ad.prediction.ClickPredictionService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bid path's prediction and policy; another predictor or policy replaces them by declaring its own bean. */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    /** The served trained models, falling back to each campaign's own history while none is stored. */
    @Bean
    @ConditionalOnMissingBean(ClickPredictor.class)
    ClickPredictor clickPredictor(ClickPredictionService models, ExchangeProperties properties) {
        return new TrainedClickPredictor(
                models,
                new EmpiricalBayesClickPredictor(
                        properties.priorStrength(), properties.defaultCtr(), properties.defaultCvr()));
    }

    @Bean
    @ConditionalOnMissingBean(BidShaper.class)
    BidShaper rlbBidShaper() {
        return new RlbBidShaper();
    }

    @Bean
    BidDecider bidDecider(
            ClickPredictor predictor,
            BidShaper shaper,
            ExchangeProperties properties,
            ClickPredictionService models,
            BidMetrics metrics,
            WinNotices winNotices) {
        return new BidDecider(predictor, shaper, properties, models.timeZone(), metrics, winNotices);
    }
}
