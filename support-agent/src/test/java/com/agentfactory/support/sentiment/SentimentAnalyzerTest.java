package com.agentfactory.support.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentAnalyzerTest {

    private final SentimentAnalyzer analyzer = new SentimentAnalyzer();

    @Test
    void scoresPraisePositiveWithoutFlags() {
        Sentiment sentiment = analyzer.analyze("Thank you, the delivery was fast and the shoes are great");

        assertThat(sentiment.score()).isGreaterThan(0.5);
        assertThat(sentiment.frustrated()).isFalse();
        assertThat(sentiment.urgent()).isFalse();
    }

    @Test
    void flagsFrustrationFromRepeatedContactAndStrongNegativity() {
        Sentiment sentiment =
                analyzer.analyze("This is the third time I write. Still waiting, this is absolutely unacceptable!");

        assertThat(sentiment.score()).isLessThan(-0.5);
        assertThat(sentiment.frustrated()).isTrue();
    }

    @Test
    void flagsUrgency() {
        Sentiment sentiment = analyzer.analyze("I need the parcel by tomorrow, please handle it ASAP");

        assertThat(sentiment.urgent()).isTrue();
    }

    @Test
    void negationFlipsPolarity() {
        assertThat(analyzer.analyze("the service was not good").score()).isNegative();
        assertThat(analyzer.analyze("the service was good").score()).isPositive();
    }

    @Test
    void shoutingMakesNegativeTextStronger() {
        double calm = analyzer.analyze("the box arrived damaged").score();
        double shouted = analyzer.analyze("the box arrived DAMAGED!!!").score();

        assertThat(shouted).isLessThan(calm);
        assertThat(analyzer.analyze("the box arrived DAMAGED!!!").frustrated()).isTrue();
    }

    @Test
    void keepsTheScoreWithinBounds() {
        Sentiment sentiment = analyzer.analyze("terrible awful horrible worst scam fraud useless ".repeat(50));

        assertThat(sentiment.score()).isBetween(-1.0, -0.9);
    }

    @Test
    void readsGermanCues() {
        Sentiment sentiment = analyzer.analyze("Das Paket ist immer noch nicht da, dringend!");

        assertThat(sentiment.frustrated()).isTrue();
        assertThat(sentiment.urgent()).isTrue();
    }

    @Test
    void isNeutralForAPlainQuestion() {
        assertThat(analyzer.analyze("what are your opening hours?")).isEqualTo(new Sentiment(0, false, false));
    }
}
