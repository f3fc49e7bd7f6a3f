package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.ad.policy.CampaignStatistics;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    private static final SyntheticMarket.Shape SHAPE = SyntheticMarket.DISPLAY;

    @Test
    void theSameSeedDrawsTheSameMarket() {
        AuctionMarket first = SyntheticMarket.generate(SHAPE, 5_000, 42);
        AuctionMarket again = SyntheticMarket.generate(SHAPE, 5_000, 42);

        assertThat(AuctionFiles.lines(again.log())).isEqualTo(AuctionFiles.lines(first.log()));
        assertThat(again.training()).isEqualTo(first.training());
    }

    @Test
    void anotherSeedDrawsAnotherMarket() {
        AuctionMarket first = SyntheticMarket.generate(SHAPE, 5_000, 42);
        AuctionMarket other = SyntheticMarket.generate(SHAPE, 5_000, 43);

        assertThat(AuctionFiles.lines(other.log())).isNotEqualTo(AuctionFiles.lines(first.log()));
        assertThat(other.training()).isNotEqualTo(first.training());
    }

    @Test
    void aLongerLogStartsWithTheShorterOnesAuctions() {
        AuctionLog shorter = SyntheticMarket.auctions(SHAPE, 1_000, 7);
        AuctionLog longer = SyntheticMarket.auctions(SHAPE, 2_000, 7);

        assertThat(AuctionFiles.lines(longer.slice(0, 1_000))).isEqualTo(AuctionFiles.lines(shorter));
    }

    @Test
    void drawsSkewedPricesUnderTheCapAndClicksThatFollowThePctr() {
        AuctionLog log = SyntheticMarket.auctions(SHAPE, 100_000, 1);

        int[] prices =
                IntStream.range(0, log.size()).map(log::marketPrice).sorted().toArray();
        assertThat(prices[0]).isNotNegative();
        assertThat(prices[prices.length - 1]).isLessThanOrEqualTo(SHAPE.maxPrice());
        assertThat((double) prices[prices.length / 2]).isCloseTo(SHAPE.medianPrice(), within(3.0));
        double meanPrice = IntStream.of(prices).average().orElseThrow();
        assertThat(meanPrice).as("a long tail of dear impressions").isGreaterThan(SHAPE.medianPrice() * 1.15);

        double meanPctr =
                IntStream.range(0, log.size()).mapToDouble(log::pctr).average().orElseThrow();
        long clicks = IntStream.range(0, log.size()).filter(log::clicked).count();
        assertThat(meanPctr).isCloseTo(SHAPE.meanCtr(), within(0.0005));
        assertThat(clicks / (double) log.size()).isCloseTo(meanPctr, within(0.002));
    }

    @Test
    void countsTheTrainingPeriodOnALongerDrawOfTheSameMarket() {
        AuctionMarket market = SyntheticMarket.generate(SHAPE, 10_000, 5);
        CampaignStatistics training = market.training();

        assertThat(training.impressions()).isEqualTo(10_000L * SyntheticMarket.TRAINING_FACTOR);
        assertThat(training.averageCtr()).isCloseTo(SHAPE.meanCtr(), within(0.002));
        assertThat(training.maxMarketPrice()).isLessThanOrEqualTo(SHAPE.maxPrice());
        long[] counts = training.marketPriceCounts();
        assertThat(counts[counts.length - 1])
                .as("the histogram ends at the dearest price seen")
                .isPositive();
        assertThat(Arrays.stream(counts).sum()).isEqualTo(training.impressions());
    }
}
