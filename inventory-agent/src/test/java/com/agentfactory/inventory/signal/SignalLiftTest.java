package com.agentfactory.inventory.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignalLiftTest {

    private static final SignalProperties SETTINGS =
            new SignalProperties(Duration.ofHours(24), 28, 7, 0.1, 5, 0.5, 4, 0.7);

    @Test
    void liftsDemandByTheSmoothedRatioOfRecentToUsualSignals() {
        SignalLift lift = SignalLift.of(25, 5, 28, SETTINGS);

        assertThat(lift.lift()).isCloseTo((25 + 5) / (5 + 5.0), within(1e-9));
        assertThat(lift.adjusts()).isTrue();
    }

    @Test
    void aFewSignalsOnAQuietSkuMoveItLittle() {
        // three cart additions where there usually are none: not a fourfold surge
        assertThat(SignalLift.of(3, 0, 28, SETTINGS).lift()).isCloseTo(1.6, within(1e-9));
    }

    @Test
    void staysWithinTheConfiguredBounds() {
        assertThat(SignalLift.of(500, 1, 28, SETTINGS).lift()).isEqualTo(4);
        assertThat(SignalLift.of(0, 100, 28, SETTINGS).lift()).isEqualTo(0.5);
    }

    @Test
    void fadesTowardsNoChangeOnTheDaysAhead() {
        SignalLift lift = SignalLift.of(25, 5, 28, SETTINGS); // 3.0 today

        assertThat(lift.factorOn(0)).isCloseTo(3.0, within(1e-9));
        assertThat(lift.factorOn(1)).isCloseTo(1 + 2 * 0.7, within(1e-9));
        assertThat(lift.factorOn(30)).isCloseTo(1.0, within(1e-3));
        assertThat(lift.meanFactorOver(2)).isCloseTo((3.0 + 2.4) / 2, within(1e-9));
    }

    @Test
    void changesNothingWhenTheSignalsSayNothing() {
        SignalLift none = SignalLift.none("signals collected for 2.0 days");

        assertThat(none.adjusts()).isFalse();
        assertThat(none.factorOn(0)).isEqualTo(1);
        assertThat(none.meanFactorOver(7)).isEqualTo(1);
        assertThat(SignalLift.of(5, 5, 28, SETTINGS).meanFactorOver(7)).isEqualTo(1);
    }
}
