package com.agentfactory.finance.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void reachesAThresholdExactlyAtItWithoutRoundingTheRatio() {
        Budget justBelow = budget("1000.00", "799.99", "0.00");
        Budget atIt = budget("1000.00", "400.00", "400.00");

        assertThat(justBelow.reaches(new BigDecimal("0.8"))).isFalse();
        assertThat(atIt.reaches(new BigDecimal("0.8"))).isTrue();
        assertThat(budget("0.00", "0.00", "0.00").reaches(new BigDecimal("0.8")))
                .isFalse();
    }

    @Test
    void fitsWhatIsLeftToTheCent() {
        Budget budget = budget("100.00", "60.00", "30.00");

        assertThat(budget.available()).isEqualByComparingTo("10.00");
        assertThat(budget.fits(new BigDecimal("10.00"))).isTrue();
        assertThat(budget.fits(new BigDecimal("10.01"))).isFalse();
        assertThat(budget.utilisation()).isEqualByComparingTo("0.9");
    }

    private static Budget budget(String allocated, String committed, String spent) {
        return new Budget(
                UUID.randomUUID(),
                "marketing",
                "2026-03",
                "GBP",
                new BigDecimal(allocated),
                new BigDecimal(committed),
                new BigDecimal(spent),
                BigDecimal.ZERO,
                new BigDecimal("0.8"),
                new BigDecimal("0.95"),
                true,
                Instant.now(),
                Instant.now());
    }
}
