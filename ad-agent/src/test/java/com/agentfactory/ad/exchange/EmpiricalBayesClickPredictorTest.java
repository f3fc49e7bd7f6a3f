package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmpiricalBayesClickPredictorTest {

    private final EmpiricalBayesClickPredictor predictor = new EmpiricalBayesClickPredictor(200, 0.01, 0.05);

    @Test
    void countsNoMoreConversionsThanClicksSoTheConversionRateStaysAtMostOne() {
        // 10 clicks and 500 conversions, as conversions counted before each needed a click can leave a campaign
        var history = new ClickPredictor.CampaignHistory(10_000, 10, 500, 0, 0, 0.01, 0.05);

        double pcvr = predictor.conversionProbability(null, history);

        assertThat(pcvr).as("every click converted").isCloseTo((200 * 0.05 + 10) / 210.0, within(1e-12));
    }

    @Test
    void takesAPooledConversionRateAboveOneAsOne() {
        var history = new ClickPredictor.CampaignHistory(0, 0, 0, 0, 0, 0.01, 3.0);

        assertThat(predictor.conversionProbability(null, history)).isEqualTo(1.0);
    }
}
