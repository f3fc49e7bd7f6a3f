package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The steps a split's assignment keeps as the arm its branch gave (see CompiledJourney#stepsOnlyReachedFrom). */
class SplitArmStepsTest {

    /**
     * Two splits, the second down the first's mailed branch, each holding its customers out to the same end: the
     * validator asks a holdout only to end straight away, so nothing keeps them apart.
     */
    private static final String TWO_SPLITS_ONE_HOLDOUT_END = """
            {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
             "steps": [{"id": "first", "type": "split",
                        "branches": [{"name": "on", "weight": 50, "next": "second"},
                                     {"name": "held", "weight": 50, "next": "held_out", "holdout": true}]},
                       {"id": "second", "type": "split",
                        "branches": [{"name": "mailed", "weight": 50, "next": "mail"},
                                     {"name": "held", "weight": 50, "next": "held_out", "holdout": true}]},
                       {"id": "mail", "type": "email", "template": "t", "next": "done"},
                       {"id": "done", "type": "end"},
                       {"id": "held_out", "type": "end"}]}
            """;

    @Test
    void givesEverySplitsHoldoutTheEndItLeadsToThoughAnotherSplitHoldsOutToItToo() {
        CompiledJourney journey = JourneyDefinitions.parse(TWO_SPLITS_ONE_HOLDOUT_END, false);

        assertThat(journey.stepsOnlyReachedFrom(journey.step("first"), 1)).containsExactly("held_out");
        assertThat(journey.stepsOnlyReachedFrom(journey.step("second"), 1))
                .as("an empty arm would leave the second split's held-out customers in no arm")
                .containsExactly("held_out");
    }

    @Test
    void givesABranchTheStepsOnlyItLeadsToAndNotASharedHoldoutEnd() {
        CompiledJourney journey = JourneyDefinitions.parse(TWO_SPLITS_ONE_HOLDOUT_END, false);

        assertThat(journey.stepsOnlyReachedFrom(journey.step("second"), 0)).containsExactly("mail", "done");
        assertThat(journey.stepsOnlyReachedFrom(journey.step("first"), 0)).containsExactly("second");
    }
}
