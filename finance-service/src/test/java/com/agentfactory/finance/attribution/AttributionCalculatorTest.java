package com.agentfactory.finance.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttributionCalculatorTest {

    private static final Instant ORDER_AT = Instant.parse("2026-03-31T12:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofDays(7);

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void sharesSumToExactlyTheAmountAndToExactlyOneHundredPercent(AttributionModel model) {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(12);
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 2);
            List<Touchpoint> touchpoints = touchpoints(n, random);

            var shares = AttributionCalculator.attribute(touchpoints, amount, ORDER_AT, model, HALF_LIFE);

            assertThat(shares.stream().map(AttributionShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("%s: %d touchpoints, %s", model, n, amount)
                    .isEqualByComparingTo(amount);
            assertThat(shares.stream().map(AttributionShare::percentage).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("100");
            assertThat(shares).allSatisfy(share -> {
                assertThat(share.amount().scale()).isEqualTo(2);
                assertThat(share.amount().signum()).isNotNegative();
            });
            assertThat(shares.stream().mapToInt(AttributionShare::order)).isSorted();
            assertThat(shares.getLast().order()).isEqualTo(model == AttributionModel.FIRST_TOUCH ? 1 : n);
        }
    }

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void oneTouchpointTakesEverythingAsDirect(AttributionModel model) {
        var shares = AttributionCalculator.attribute(
                touchpoints(1, new Random(1)), new BigDecimal("42.42"), ORDER_AT, model, HALF_LIFE);

        assertThat(shares).singleElement().satisfies(share -> {
            assertThat(share.amount()).isEqualByComparingTo("42.42");
            assertThat(share.percentage()).isEqualByComparingTo("100");
            assertThat(share.type()).isEqualTo(AttributionType.DIRECT);
            assertThat(share.order()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void noTouchpointLeavesTheOrderUnattributed(AttributionModel model) {
        var shares = AttributionCalculator.attribute(List.of(), new BigDecimal("10.00"), ORDER_AT, model, HALF_LIFE);

        assertThat(shares).singleElement().satisfies(share -> {
            assertThat(share.touchpoint()).isNull();
            assertThat(share.type()).isEqualTo(AttributionType.UNATTRIBUTED);
            assertThat(share.amount()).isEqualByComparingTo("10.00");
            assertThat(share.percentage()).isEqualByComparingTo("100");
        });
    }

    @ParameterizedTest
    @EnumSource(AttributionModel.class)
    void aCentOverManyTouchpointsGoesWholeToOneOfThem(AttributionModel model) {
        var shares = AttributionCalculator.attribute(
                touchpoints(50, new Random(7)), new BigDecimal("0.01"), ORDER_AT, model, HALF_LIFE);

        assertThat(shares.stream().filter(s -> s.amount().signum() > 0)).hasSize(1);
        assertThat(shares.stream().map(AttributionShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.01");
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        var shares = AttributionCalculator.attribute(
                touchpoints(4, new Random(3)),
                new BigDecimal("100.00"),
                ORDER_AT,
                AttributionModel.POSITION_BASED,
                HALF_LIFE);

        assertThat(shares)
                .extracting(AttributionShare::amount)
                .map(BigDecimal::toPlainString)
                .containsExactly("40.00", "10.00", "10.00", "40.00");
        assertThat(shares)
                .extracting(AttributionShare::percentage)
                .map(BigDecimal::toPlainString)
                .containsExactly("40.0000", "10.0000", "10.0000", "40.0000");
    }

    @Test
    void linearRemainderCentsGoToTheEarliestTouchpointsDeterministically() {
        var touchpoints = touchpoints(3, new Random(5));

        var first = AttributionCalculator.attribute(
                touchpoints, new BigDecimal("100.00"), ORDER_AT, AttributionModel.LINEAR, HALF_LIFE);
        var again = AttributionCalculator.attribute(
                touchpoints, new BigDecimal("100.00"), ORDER_AT, AttributionModel.LINEAR, HALF_LIFE);

        assertThat(first)
                .extracting(AttributionShare::amount)
                .map(BigDecimal::toPlainString)
                .containsExactly("33.34", "33.33", "33.33");
        assertThat(first)
                .extracting(AttributionShare::percentage)
                .map(BigDecimal::toPlainString)
                .containsExactly("33.3334", "33.3333", "33.3333");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLife() {
        var touchpoints = List.of(
                touchpoint(ORDER_AT.minus(Duration.ofDays(14)), "campaign_send"),
                touchpoint(ORDER_AT.minus(Duration.ofDays(7)), "ad_click"),
                touchpoint(ORDER_AT, "recommendation_click"));

        var shares = AttributionCalculator.attribute(
                touchpoints, new BigDecimal("70.00"), ORDER_AT, AttributionModel.TIME_DECAY, HALF_LIFE);

        // weights 1/4 : 1/2 : 1 = 1 : 2 : 4
        assertThat(shares)
                .extracting(AttributionShare::amount)
                .map(BigDecimal::toPlainString)
                .containsExactly("10.00", "20.00", "40.00");
        assertThat(shares)
                .extracting(AttributionShare::type)
                .containsExactly(AttributionType.INFLUENCED, AttributionType.ASSISTED, AttributionType.DIRECT);
    }

    @Test
    void firstAndLastTouchCreditOneTouchpoint() {
        var touchpoints = touchpoints(5, new Random(11));

        var first = AttributionCalculator.attribute(
                touchpoints, new BigDecimal("9.99"), ORDER_AT, AttributionModel.FIRST_TOUCH, HALF_LIFE);
        var last = AttributionCalculator.attribute(
                touchpoints, new BigDecimal("9.99"), ORDER_AT, AttributionModel.LAST_TOUCH, HALF_LIFE);

        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.order()).isEqualTo(1);
            assertThat(s.touchpoint()).isEqualTo(touchpoints.getFirst());
        });
        assertThat(last).singleElement().satisfies(s -> {
            assertThat(s.order()).isEqualTo(5);
            assertThat(s.type()).isEqualTo(AttributionType.DIRECT);
        });
    }

    private static List<Touchpoint> touchpoints(int n, Random random) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(ORDER_AT.minusSeconds(random.nextInt(30 * 24 * 3600)));
        }
        times.sort(null);
        String[] types = {"campaign_send", "campaign_click", "ad_click", "recommendation_click", "support_conversation"
        };
        return times.stream()
                .map(at -> touchpoint(at, types[random.nextInt(types.length)]))
                .toList();
    }

    private static Touchpoint touchpoint(Instant at, String type) {
        return new Touchpoint(UUID.randomUUID(), "campaign", "email", type, at);
    }

    @Test
    void aRefundOfPartOfTheOrderTakesTheSamePartOfEveryShare() {
        var taken = AttributionCalculator.takeBack(amounts("15.00", "9.00", "6.00"), new BigDecimal("10.00"));

        assertThat(taken).containsExactlyElementsOf(amounts("5.00", "3.00", "2.00"));
    }

    @Test
    void refundsOfAnOrderTakeBackAtMostWhatIsLeftAndTheLastTakesExactlyThat() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            List<BigDecimal> left = new ArrayList<>();
            for (int share = 0, n = 1 + random.nextInt(6); share < n; share++) {
                left.add(BigDecimal.valueOf(random.nextInt(5_000), 2));
            }
            BigDecimal order = left.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            // partial refunds until more than the order has been refunded
            BigDecimal refunded = BigDecimal.ZERO;
            while (refunded.compareTo(order) <= 0) {
                BigDecimal refund = BigDecimal.valueOf(1 + random.nextInt(3_000), 2);
                var taken = AttributionCalculator.takeBack(left, refund);
                BigDecimal sum = taken.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal before = left.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).isEqualByComparingTo(refund.min(before));
                for (int share = 0; share < left.size(); share++) {
                    assertThat(taken.get(share)).isNotNegative().isLessThanOrEqualTo(left.get(share));
                    left.set(share, left.get(share).subtract(taken.get(share)));
                }
                refunded = refunded.add(refund);
            }
            assertThat(left).allSatisfy(share -> assertThat(share).isZero());
        }
    }

    @Test
    void aRefundOfAWhollyRefundedOrderTakesNothing() {
        var taken = AttributionCalculator.takeBack(amounts("0.00", "0.00"), new BigDecimal("4.00"));

        assertThat(taken).allSatisfy(part -> assertThat(part).isZero());
    }

    private static List<BigDecimal> amounts(String... amounts) {
        return java.util.Arrays.stream(amounts).map(BigDecimal::new).toList();
    }
}
