package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentModelTest {

    private static final Map<String, String> TEXTS = Map.of(
            "heart-holder", "White hanging heart T-light holder",
            "heart-candles", "Red heart candle holders, set of 4",
            "lantern", "White metal lantern",
            "mug", "Ceramic coffee mug");

    @Test
    void ranksTheProductWithTheMostSimilarTextFirst() {
        ContentModel model = ContentModel.train(TEXTS, 10);

        assertThat(model.similar("heart-holder", Set.of(), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("heart-candles");
    }

    @Test
    void aProductSharingNoWordIsNotSimilar() {
        ContentModel model = ContentModel.train(TEXTS, 10);

        assertThat(model.similar("mug", Set.of(), 10)).isEmpty();
    }

    @Test
    void recommendsTextualNeighboursOfTheHistoryOutsideIt() {
        ContentModel model = ContentModel.train(TEXTS, 10);

        assertThat(model.recommend(Map.of("lantern", 1.0, "heart-holder", 1.0), Set.of("heart-candles"), 10))
                .extracting(ScoredItem::itemId)
                .isEmpty();
        assertThat(model.recommend(Map.of("lantern", 1.0), Set.of(), 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("heart-holder");
    }
}
