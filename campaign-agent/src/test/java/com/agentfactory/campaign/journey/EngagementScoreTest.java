package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.customer.CurrencySpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementScoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EngagementScore score = new EngagementScore(Map.of(
            "GBP", new BigDecimal("10"),
            // bound from configuration, a key may have lost its case
            "jpy", new BigDecimal("2000")));

    @Test
    void givesTwentyPointsAnOrderAndAPointForEachTenPoundsAsBefore() {
        assertThat(score.of(1, List.of(spend("GBP", "300.00", 1, T0)))).isEqualTo(50);
        assertThat(score.of(0, List.of())).isZero();
        assertThat(score.of(3, List.of(spend("GBP", "900.00", 3, T0)))).isEqualTo(100);
    }

    @Test
    void doesNotLetAYenCustomersLargerNumberBeatAPoundCustomer() {
        int pounds = score.of(1, List.of(spend("GBP", "300.00", 1, T0)));
        int yen = score.of(1, List.of(spend("JPY", "30000", 1, T0)));

        assertThat(yen).isEqualTo(35).isLessThan(pounds);
    }

    @Test
    void countsTheSpendOfTheCurrencyMostOfTheOrdersAreInAndNeverAddsCurrenciesUp() {
        List<CurrencySpend> spend =
                List.of(spend("GBP", "500.00", 1, T0.plusSeconds(60)), spend("JPY", "20000", 2, T0));

        // three orders (60) and 20,000 yen (10), not the pounds, nor pounds and yen together
        assertThat(score.of(3, spend)).isEqualTo(70);
    }

    @Test
    void takesTheCurrencyOfTheLatestOrderWhenOrdersAreEvenlySplit() {
        List<CurrencySpend> spend = List.of(spend("GBP", "300.00", 1, T0), spend("JPY", "2000", 1, T0.plusSeconds(60)));

        assertThat(EngagementScore.mainCurrency(spend))
                .map(CurrencySpend::currency)
                .contains("JPY");
        assertThat(score.of(2, spend)).isEqualTo(41);
    }

    @Test
    void countsOnlyOrdersForACurrencyWithoutAConfiguredAmount() {
        assertThat(score.of(1, List.of(spend("EUR", "5000.00", 1, T0)))).isEqualTo(20);
    }

    @Test
    void countsNoSpendForMoneyAllCancelledOrNegative() {
        assertThat(score.of(0, List.of(spend("GBP", "-50.00", 0, null)))).isZero();
        assertThat(score.of(1, List.of(spend("GBP", "-50.00", 1, T0)))).isEqualTo(20);
    }

    private static CurrencySpend spend(String currency, String amount, long orders, Instant lastOrderAt) {
        return new CurrencySpend(currency, new BigDecimal(amount), orders, lastOrderAt);
    }
}
