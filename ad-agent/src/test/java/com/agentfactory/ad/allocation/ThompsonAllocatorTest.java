package com.agentfactory.ad.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThompsonAllocatorTest {

    private static ThompsonAllocator.Arm arm(UUID id, long clicks, long conversions) {
        return new ThompsonAllocator.Arm(
                id,
                new BigDecimal("100.00"),
                null,
                clicks,
                conversions,
                new BigDecimal("500.00"),
                new BigDecimal("40.00"),
                BigDecimal.ZERO);
    }

    @Test
    void givesMostOfThePoolToTheCampaignThatConvertsBetter() {
        UUID better = UUID.randomUUID();
        UUID worse = UUID.randomUUID();
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);

        List<Allocation> allocations = allocator.allocate(List.of(arm(better, 1000, 120), arm(worse, 1000, 20)));

        BigDecimal toBetter = allocations.get(0).allocatedDailyBudget();
        BigDecimal toWorse = allocations.get(1).allocatedDailyBudget();
        assertThat(toBetter).isGreaterThan(new BigDecimal("140.00"));
        assertThat(toWorse).isGreaterThanOrEqualTo(new BigDecimal("20.00"));
        assertThat(toBetter.add(toWorse)).isLessThanOrEqualTo(new BigDecimal("200.00"));
        assertThat(allocations.get(0).reason()).contains("Thompson draw");
    }

    @Test
    void capsAShareOfAPoolOfOverAThousandNearMaximalCampaignsAtWhatADailyBudgetKeeps() {
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);
        BigDecimal highestDailyBudget = new BigDecimal("999999999.99");
        List<ThompsonAllocator.Arm> arms = new ArrayList<>();
        // converts on every click at no cost: the pool of 1,300 of the highest daily budgets goes almost all to it
        UUID favourite = UUID.randomUUID();
        arms.add(new ThompsonAllocator.Arm(
                favourite,
                highestDailyBudget,
                null,
                1_000_000,
                1_000_000,
                BigDecimal.ZERO,
                new BigDecimal("40.00"),
                BigDecimal.ZERO));
        for (int i = 1; i < 1_300; i++) {
            arms.add(new ThompsonAllocator.Arm(
                    UUID.randomUUID(),
                    highestDailyBudget,
                    null,
                    0,
                    0,
                    BigDecimal.ZERO,
                    new BigDecimal("40.00"),
                    BigDecimal.ZERO));
        }

        List<Allocation> allocations = allocator.allocate(arms);

        assertThat(allocations).extracting(Allocation::allocatedDailyBudget).allSatisfy(amount -> assertThat(amount)
                .isLessThanOrEqualTo(new BigDecimal("999999999999.99")));
        assertThat(allocations.getFirst().campaignId()).isEqualTo(favourite);
        assertThat(allocations.getFirst().allocatedDailyBudget()).isEqualByComparingTo("999999999999.99");
        assertThat(allocations.getFirst().reason()).contains("capped at 999999999999.99");
    }

    @Test
    void aPoolReallocatedAllDayNeverHoldsMoreThanItsDailyTotal() {
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // what each campaign was reserved and spent today: the keeper tops a campaign up to its share, never down
        var used = new HashMap<UUID, BigDecimal>(Map.of(first, BigDecimal.ZERO, second, BigDecimal.ZERO));

        // a round every five minutes for a day, on campaigns with too few clicks to tell apart: each share swings
        for (int round = 0; round < 288; round++) {
            List<Allocation> allocations =
                    allocator.allocate(List.of(fewClicks(first, used.get(first)), fewClicks(second, used.get(second))));
            allocations.forEach(a -> used.merge(a.campaignId(), a.allocatedDailyBudget(), BigDecimal::max));

            assertThat(used.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("held by the pool after round %d", round)
                    .isLessThanOrEqualTo(new BigDecimal("200.00"));
            assertThat(allocations).allSatisfy(a -> assertThat(a.allocatedDailyBudget())
                    .isGreaterThanOrEqualTo(used.get(a.campaignId())));
        }
    }

    @Test
    void recordsWhyACampaignKeepsWhatItUsedTodayAboveItsFloor() {
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);
        UUID spentMost = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        List<Allocation> allocations = allocator.allocate(
                List.of(fewClicks(spentMost, new BigDecimal("170.004")), fewClicks(other, new BigDecimal("5.00"))));

        assertThat(allocations.get(0).allocatedDailyBudget()).isGreaterThanOrEqualTo(new BigDecimal("170.01"));
        assertThat(allocations.get(0).reason())
                .contains("kept at least the 170.01 already reserved or spent today")
                .contains("shared pool of 9.99");
        assertThat(allocations.get(1).allocatedDailyBudget()).isGreaterThanOrEqualTo(new BigDecimal("20.00"));
        assertThat(allocations.get(1).reason()).doesNotContain("already reserved or spent today");
        assertThat(allocations
                        .get(0)
                        .allocatedDailyBudget()
                        .add(allocations.get(1).allocatedDailyBudget()))
                .isLessThanOrEqualTo(new BigDecimal("200.00"));
    }

    @Test
    void sharesOnlyWhatCampaignsThatLeftThePoolTodayDidNotAlreadySpendOfIt() {
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        // a third campaign of 100 a day spent 180 of the pool before it ended: 80 of it came from these two
        List<Allocation> allocations = allocator.allocate(
                List.of(fewClicks(first, new BigDecimal("30.00")), fewClicks(second, BigDecimal.ZERO)),
                new BigDecimal("80.00"));

        assertThat(allocations.stream().map(Allocation::allocatedDailyBudget).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isLessThanOrEqualTo(new BigDecimal("120.00"))
                .isGreaterThan(new BigDecimal("119.90"));
        assertThat(allocations.get(0).allocatedDailyBudget()).isGreaterThanOrEqualTo(new BigDecimal("30.00"));
        assertThat(allocations).allSatisfy(a -> assertThat(a.reason())
                .contains(
                        "the pool less the 80.00 that campaigns which left it today used beyond the sum of their own daily"
                                + " budgets"));
    }

    private static ThompsonAllocator.Arm fewClicks(UUID id, BigDecimal usedToday) {
        return new ThompsonAllocator.Arm(
                id, new BigDecimal("100.00"), null, 2, 0, new BigDecimal("1.00"), new BigDecimal("40.00"), usedToday);
    }

    @Test
    void countsNoMoreConversionsThanClicksSoNoCampaignDrawsARateAboveOne() {
        var allocator = new ThompsonAllocator(CreativeRotation.seeded(42), 0.2);

        List<Allocation> allocations =
                allocator.allocate(List.of(arm(UUID.randomUUID(), 100, 100_000), arm(UUID.randomUUID(), 100, 100)));

        assertThat(allocations).extracting(Allocation::reason).allSatisfy(reason -> assertThat(reason)
                .contains("posterior Beta(101, 1)"));
    }

    @Test
    void convergesOnTheBetterCreativeWhenLearningFromSimulatedClicks() {
        var sampler = CreativeRotation.seeded(7);
        var random = new java.util.Random(7);
        double[] trueCtr = {0.02, 0.05};
        long[] impressions = new long[2];
        long[] clicks = new long[2];
        int betterShownLate = 0;
        for (int round = 0; round < 5000; round++) {
            List<CreativeRotation.Arm> arms = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                arms.add(new CreativeRotation.Arm(impressions[i], clicks[i]));
            }
            int shown = CreativeRotation.choose(arms, sampler);
            impressions[shown]++;
            if (random.nextDouble() < trueCtr[shown]) {
                clicks[shown]++;
            }
            if (round >= 4000 && shown == 1) {
                betterShownLate++;
            }
        }

        assertThat(impressions[1]).isGreaterThan(impressions[0]);
        assertThat(betterShownLate).isGreaterThan(800);
    }
}
