package com.agentfactory.support.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void keepsTwoDecimalsWhenTheyAlreadyDiffer() {
        assertThat(Comparison.below(0.42, 0.7)).isEqualTo("0.42 is below 0.70");
    }

    @Test
    void addsDecimalsUntilTheShownValueIsBelowTheShownLimit() {
        assertThat(Comparison.below(0.698, 0.7)).isEqualTo("0.698 is below 0.700");
        assertThat(Comparison.below(0.69999, 0.7)).isEqualTo("0.69999 is below 0.70000");
    }

    @Test
    void showsBothExactlyWhenSixDecimalsCannotTellThemApart() {
        assertThat(Comparison.below(0.6999999999, 0.7)).isEqualTo("0.6999999999 is below 0.7");
    }
}
