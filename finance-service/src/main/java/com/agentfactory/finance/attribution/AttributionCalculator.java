package com.agentfactory.finance.attribution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares an amount over touchpoints under a model, exactly. Each model gives every touchpoint a weight;
 * the amount (in cents) and 100% (in units of 0.0001%) are then split by the largest-remainder method:
 * every share gets the floor of its exact part, and the units left over go one each to the shares with
 * the largest fractional parts, ties to the earlier touchpoint. So the shares always sum to exactly the
 * amount and exactly 100, and the same input always gives the same split.
 */
final class AttributionCalculator {

    private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final BigDecimal FORTY = new BigDecimal("0.4");
    private static final BigDecimal TWENTY = new BigDecimal("0.2");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** 100% in units of 0.0001%. */
    private static final BigInteger WHOLE = BigInteger.valueOf(1_000_000);

    private AttributionCalculator() {}

    /**
     * @param touchpoints the customer's touchpoints in the lookback window, oldest first
     * @param amount the order's revenue, in cents (scale 2)
     * @param convertedAt when the order was placed (time decay measures age from here)
     * @param halfLife the time-decay half-life
     * @return the shares with a non-zero weight, in touchpoint order; one unattributed share when there
     *     are no touchpoints
     */
    public static List<AttributionShare> attribute(
            List<Touchpoint> touchpoints,
            BigDecimal amount,
            Instant convertedAt,
            AttributionModel model,
            Duration halfLife) {
        BigDecimal cents = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (touchpoints.isEmpty()) {
            return List.of(
                    new AttributionShare(null, 0, AttributionType.UNATTRIBUTED, new BigDecimal("100.0000"), cents));
        }
        List<BigDecimal> weights = weights(touchpoints, convertedAt, model, halfLife);
        List<Integer> credited = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i).signum() > 0) {
                credited.add(i);
            }
        }
        List<BigDecimal> creditedWeights = credited.stream().map(weights::get).toList();
        List<BigInteger> centShares = largestRemainder(cents.unscaledValue(), creditedWeights);
        List<BigInteger> percentUnits = largestRemainder(WHOLE, creditedWeights);
        List<AttributionShare> shares = new ArrayList<>();
        for (int k = 0; k < credited.size(); k++) {
            int i = credited.get(k);
            Touchpoint touchpoint = touchpoints.get(i);
            shares.add(new AttributionShare(
                    touchpoint,
                    i + 1,
                    AttributionType.of(touchpoint.touchpointType(), i == touchpoints.size() - 1),
                    new BigDecimal(percentUnits.get(k), 4),
                    new BigDecimal(centShares.get(k), 2)));
        }
        return List.copyOf(shares);
    }

    /**
     * Spreads a refund over shares in proportion to what each has left, exactly: the parts sum to the refund, or to
     * all that is left when the refund is larger, and no part exceeds its share's remainder. What is left is
     * proportional to the original shares (up to the cents earlier refunds rounded), so a refund takes from each share
     * its part of the order, a cent rounded up once being a cent less to take the next time, and the last refund of an
     * order takes exactly what remains.
     *
     * @param left what each share has left after earlier refunds, in cents (scale 2)
     * @param refund the refund, in cents
     * @return what the refund takes from each share, in the order of {@code left}
     */
    static List<BigDecimal> takeBack(List<BigDecimal> left, BigDecimal refund) {
        BigDecimal remaining = left.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taken = refund.min(remaining).setScale(2, RoundingMode.UNNECESSARY);
        if (taken.signum() <= 0) {
            return left.stream().map(share -> new BigDecimal("0.00")).toList();
        }
        return largestRemainder(taken.unscaledValue(), left).stream()
                .map(cents -> new BigDecimal(cents, 2))
                .toList();
    }

    static List<BigDecimal> weights(
            List<Touchpoint> touchpoints, Instant convertedAt, AttributionModel model, Duration halfLife) {
        int n = touchpoints.size();
        List<BigDecimal> weights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            weights.add(
                    switch (model) {
                        case FIRST_TOUCH -> i == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
                        case LAST_TOUCH -> i == n - 1 ? BigDecimal.ONE : BigDecimal.ZERO;
                        case LINEAR -> BigDecimal.ONE;
                        case TIME_DECAY -> decay(touchpoints.get(i).occurredAt(), convertedAt, halfLife);
                        case POSITION_BASED -> position(i, n);
                    });
        }
        return weights;
    }

    /** 2^(-age / half-life), from a double: deterministic for the same input, and only relative sizes matter. */
    private static BigDecimal decay(Instant at, Instant convertedAt, Duration halfLife) {
        double age = Math.max(0, Duration.between(at, convertedAt).toMillis());
        double weight = Math.pow(2, -age / Math.max(1, halfLife.toMillis()));
        // a touchpoint hundreds of half-lives old still counts a little rather than nothing
        return new BigDecimal(Math.max(weight, Double.MIN_NORMAL));
    }

    private static BigDecimal position(int i, int n) {
        if (n == 1) {
            return BigDecimal.ONE;
        }
        if (n == 2) {
            return HALF;
        }
        if (i == 0 || i == n - 1) {
            return FORTY;
        }
        return TWENTY.divide(BigDecimal.valueOf(n - 2L), PRECISION);
    }

    /** Splits {@code total} units in proportion to {@code weights}; the parts sum to exactly {@code total}. */
    static List<BigInteger> largestRemainder(BigInteger total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = weights.size();
        List<BigInteger> parts = new ArrayList<>(n);
        List<BigDecimal> remainders = new ArrayList<>(n);
        BigInteger allocated = BigInteger.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = new BigDecimal(total).multiply(weight).divide(sum, PRECISION);
            BigInteger floor = exact.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            parts.add(floor);
            remainders.add(exact.subtract(new BigDecimal(floor)));
            allocated = allocated.add(floor);
        }
        int left = total.subtract(allocated).intValueExact();
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders.get(i))
                .reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            int i = byRemainder.get(k % n);
            parts.set(i, parts.get(i).add(BigInteger.ONE));
        }
        return parts;
    }
}
