package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void roundsHalfCentsToTheEvenCent() {
        assertThat(Amounts.toCents(new BigDecimal("2.125"))).isEqualByComparingTo("2.12");
        assertThat(Amounts.toCents(new BigDecimal("2.135"))).isEqualByComparingTo("2.14");
        assertThat(Amounts.toCents(new BigDecimal("0.0049"))).isEqualByComparingTo("0.00");
        assertThat(Amounts.toCents(new BigDecimal("15.3")).scale()).isEqualTo(2);
    }

    @Test
    void acceptsOnlyAmountsFromOneCentToAMillion() {
        assertThat(Amounts.inRange(new BigDecimal("0.01"))).isTrue();
        assertThat(Amounts.inRange(new BigDecimal("1000000.00"))).isTrue();
        assertThat(Amounts.inRange(new BigDecimal("0.00"))).isFalse();
        assertThat(Amounts.inRange(new BigDecimal("1000000.01"))).isFalse();
    }

    @Test
    void knowsRealIsoCurrenciesFromThreeLetterLookalikes() {
        assertThat(Amounts.isIsoCurrency("GBP")).isTrue();
        assertThat(Amounts.isIsoCurrency("EUR")).isTrue();
        assertThat(Amounts.isIsoCurrency("XYZ")).isFalse();
        assertThat(Amounts.isIsoCurrency("gbp")).isFalse();
        assertThat(Amounts.isIsoCurrency(null)).isFalse();
    }
}
