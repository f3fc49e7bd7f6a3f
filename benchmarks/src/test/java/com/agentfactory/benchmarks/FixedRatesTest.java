package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixedRatesTest {

    private static final FixedRates SHARED = new FixedRates(List.of(1_000.0, 50.0));

    @Test
    void aFastTargetTakesTheSharedRates() {
        assertThat(SHARED.forTarget(5_000)).containsExactly(1_000.0, 50.0);
    }

    @Test
    void aSlowTargetIsMeasuredAtHalfItsOwnMaximumInsteadOfTheRatesItCannotTake() {
        assertThat(SHARED.forTarget(400)).containsExactly(200.0, 50.0);
        assertThat(SHARED.forTarget(37)).containsExactly(18.0);
    }

    @Test
    void ownRatesAreRoundAndNeverZero() {
        assertThat(FixedRates.ownRate(2_468)).isEqualTo(1_230.0);
        assertThat(FixedRates.ownRate(25)).isEqualTo(12.0);
        assertThat(FixedRates.ownRate(0.5)).isEqualTo(1.0);
        assertThat(FixedRates.ownRate(0)).isEqualTo(1.0);
    }

    @Test
    void theCeilingIsMeasuredAtTheRatesNoneOfTheSharedOnes() {
        assertThat(FixedRates.ownRates(List.of(1_000.0, 18.0, 50.0, 18.0, 200.0), List.of(1_000.0, 50.0)))
                .containsExactly(18.0, 200.0);
    }
}
