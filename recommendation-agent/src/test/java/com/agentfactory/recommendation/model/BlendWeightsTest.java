package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BlendWeightsTest {

    @Test
    void scalesEachSetToSumToOneAndChoosesBySegment() {
        BlendWeights weights =
                new BlendWeights(Map.of("ease", 3.0, "trending", 1.0), Map.of("trending", 2.0), Map.of());

        assertThat(weights.forCustomer(true)).containsEntry("ease", 0.75).containsEntry("trending", 0.25);
        assertThat(weights.forCustomer(false)).containsExactly(Map.entry("trending", 1.0));
        assertThat(weights.learned()).isTrue();
    }

    @Test
    void fallsBackToTheOtherSetWhenOneCouldNotBeLearned() {
        BlendWeights weights = new BlendWeights(Map.of("ease", 1.0), Map.of(), Map.of());

        assertThat(weights.forCustomer(false)).containsExactly(Map.entry("ease", 1.0));
        assertThat(BlendWeights.NONE.learned()).isFalse();
    }
}
