package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.customer.CurrencySpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A customer's engagement score, from 0 to 100: 20 points an order, and a point for each configured amount of spend in
 * the customer's main currency, capped at 100. A simple, stated rule until the recommendation agent's scores are fed
 * in.
 *
 * <p>The spend part counts the money of one currency only, the customer's main currency: the one most of their
 * standing orders were placed in (on a tie, the one of their latest order). Amounts in different currencies are never
 * added up, nor compared as bare numbers: 30,000 yen are not 30,000 pounds. Nor are they converted: the agent has no
 * exchange rates, and a score that moved with a day's rate would carry customers across a journey's {@code min_score}
 * without anything they did. Configuration says instead, per currency, how much spend earns a point
 * ({@code agentfactory.campaign.journeys.score.spend-per-point}): a stated equivalence, as a price list in each
 * currency is, that someone decided and can review.
 *
 * <p>The main currency rather than the shop's: a customer who only ever paid in euros is as engaged as one who paid as
 * much in pounds, and would otherwise score as if they had spent nothing. Nor the currency of their first order (the
 * read model's {@code spend_currency}), which one early order from abroad would decide for good. A currency without a
 * configured amount earns no spend points, only order points: an amount that cannot be set against the others is left
 * out rather than guessed, and a score too low keeps a customer from an offer rather than giving one by mistake.
 */
final class EngagementScore {

    static final int MAX = 100;
    private static final int POINTS_PER_ORDER = 20;

    private final Map<String, BigDecimal> spendPerPoint;

    /** @param spendPerPoint by ISO 4217 code, how much spent in the currency earns one point */
    EngagementScore(Map<String, BigDecimal> spendPerPoint) {
        this.spendPerPoint = spendPerPoint.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        // a map key bound from configuration may have lost its case
                        entry -> entry.getKey().toUpperCase(Locale.ROOT),
                        Map.Entry::getValue));
    }

    /**
     * @param orders the customer's standing orders, in every currency (a count, which adds up across currencies)
     * @param spend what the customer paid in each currency
     */
    int of(long orders, List<CurrencySpend> spend) {
        long spendPoints = mainCurrency(spend)
                .filter(main -> spendPerPoint.containsKey(main.currency()))
                .map(main -> main.amount()
                        .max(BigDecimal.ZERO)
                        .divideToIntegralValue(spendPerPoint.get(main.currency()))
                        .min(BigDecimal.valueOf(MAX))
                        .longValue())
                .orElse(0L);
        long points = Math.min(orders, MAX) * POINTS_PER_ORDER + spendPoints;
        return (int) Math.min(MAX, Math.max(0, points));
    }

    /** The currency most of the customer's standing orders are in, the latest order's on a tie; empty without any. */
    static Optional<CurrencySpend> mainCurrency(List<CurrencySpend> spend) {
        return spend.stream()
                .filter(currency -> currency.orders() > 0)
                .max(Comparator.comparingLong(CurrencySpend::orders)
                        .thenComparing(
                                CurrencySpend::lastOrderAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        // the same count and the same instant: the first code, so the answer never depends on row order
                        .thenComparing(CurrencySpend::currency, Comparator.reverseOrder()));
    }
}
