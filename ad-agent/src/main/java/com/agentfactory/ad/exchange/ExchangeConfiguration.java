package com.agentfactory.ad.exchange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bid path's prediction and policy; a trained model or another policy replaces them by declaring its own bean. */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    @ConditionalOnMissingBean(ClickPredictor.class)
    ClickPredictor empiricalBayesClickPredictor(ExchangeProperties properties) {
        return new EmpiricalBayesClickPredictor(
                properties.priorStrength(), properties.defaultCtr(), properties.defaultCvr());
    }

    @Bean
    @ConditionalOnMissingBean(BidShaper.class)
    BidShaper linearBidShaper() {
        return new LinearBidShaper();
    }

    @Bean
    BidDecider bidDecider(ClickPredictor predictor, BidShaper shaper, ExchangeProperties properties) {
        return new BidDecider(predictor, shaper, properties);
    }
}
