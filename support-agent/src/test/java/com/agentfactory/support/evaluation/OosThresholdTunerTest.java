package com.agentfactory.support.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.support.evaluation.OosThresholdTuner.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

class OosThresholdTunerTest {

    @Test
    void picksTheMiddleOfTheThresholdsThatSeparateInScopeFromOutOfScope() {
        var validation = List.of(
                new Scored(false, true, 0.90),
                new Scored(false, true, 0.80),
                new Scored(true, false, 0.30),
                new Scored(true, false, 0.20));

        // every threshold in (0.30, 0.80] gets all four right: 0.31 .. 0.80, middle 0.55
        assertThat(OosThresholdTuner.tune(validation)).isEqualTo(0.55);
    }

    @Test
    void rejectsAConfidentlyWrongInScopeMessageWhenThatCostsNothing() {
        var validation =
                List.of(new Scored(false, true, 0.95), new Scored(false, false, 0.60), new Scored(true, false, 0.50));

        // rejecting the wrong 0.60 one costs nothing, so thresholds up to 0.95 are all equally good
        assertThat(OosThresholdTuner.tune(validation)).isBetween(0.51, 0.95);
    }

    @Test
    void refusesValidationDataWithoutOutOfScopeRows() {
        assertThatThrownBy(() -> OosThresholdTuner.tune(List.of(new Scored(false, true, 0.9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no out-of-scope rows");
    }
}
