package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.customer.CurrencySpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JourneyFactsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final EngagementScore SCORE = new EngagementScore(Map.of("GBP", BigDecimal.TEN));

    private static final CustomerFacts PAID_IN_POUNDS = facts(Map.of(), spend("GBP", "750.00"));
    private static final CustomerFacts PAID_IN_YEN = facts(Map.of(), spend("JPY", "75000"));
    private static final CustomerFacts PAID_IN_BOTH = facts(Map.of(), spend("GBP", "40.00"), spend("JPY", "90000"));

    @ParameterizedTest(name = "total_spent {0} {1} {2}")
    @CsvSource({
        // operator, value, currency, pounds customer, yen customer, customer who paid in both
        "gt,      500,   GBP, true,  false, false",
        "lt,      500,   GBP, false, false, true",
        "eq,      750,   GBP, true,  false, false",
        "ne,      750,   GBP, false, false, true",
        "gte,     50000, JPY, false, true,  true",
        "lte,     50000, JPY, false, false, false",
        "exists,  ,      JPY, false, true,  true",
        "missing, ,      JPY, true,  false, false",
    })
    void comparesSpendOnlyInTheNamedCurrency(
            String operator, String value, String currency, boolean pounds, boolean yen, boolean both) {
        FieldCheck check =
                new FieldCheck("total_spent", operator, value == null ? null : Integer.valueOf(value), currency);

        assertThat(JourneyFacts.holds(check, PAID_IN_POUNDS)).isEqualTo(pounds);
        assertThat(JourneyFacts.holds(check, PAID_IN_YEN)).isEqualTo(yen);
        assertThat(JourneyFacts.holds(check, PAID_IN_BOTH)).isEqualTo(both);
    }

    @ParameterizedTest(name = "a cart of {0} {1} against cart_value gt 50 GBP: {2}")
    @CsvSource({"80.00, GBP, true", "80.00, gbp, true", "50000, JPY, false", "80.00, , false", "20.00, GBP, false"})
    void comparesTheCartOnlyWhenItIsInTheNamedCurrency(String cartValue, String cartCurrency, boolean holds) {
        Map<String, Object> context = cartCurrency == null
                ? Map.of("cart_value", cartValue)
                : Map.of("cart_value", cartValue, "currency", cartCurrency);

        assertThat(JourneyFacts.holds(new FieldCheck("cart_value", "gt", 50, "GBP"), facts(context)))
                .isEqualTo(holds);
    }

    @ParameterizedTest(name = "a condition stored without a currency, total_spent {0}")
    @CsvSource({"gt", "lt", "ne", "exists"})
    void comparesAStoredMoneyConditionWithoutACurrencyWithNothing(String operator) {
        assertThat(JourneyFacts.holds(new FieldCheck("total_spent", operator, 0, null), PAID_IN_POUNDS))
                .isFalse();
    }

    private static CustomerFacts facts(Map<String, Object> context, CurrencySpend... spend) {
        return CustomerFactsReader.facts(Map.of("order_count", spend.length), List.of(spend), context, NOW, SCORE);
    }

    private static CurrencySpend spend(String currency, String amount) {
        return new CurrencySpend(currency, new BigDecimal(amount), 1, NOW);
    }
}
