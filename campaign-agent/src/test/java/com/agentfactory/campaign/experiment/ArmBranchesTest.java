package com.agentfactory.campaign.experiment;

import static com.agentfactory.campaign.support.JourneyMother.branch;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.JourneyMother;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ArmBranchesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A welcome mail falling through to a split whose branch a mails at once and whose branch b waits for an order:
     * the order leads to a thank-you wait, the timeout to a condition whose true side mails and whose false side ends.
     */
    private static final ArmBranches JOURNEY = ArmBranches.of(JSON.valueToTree(Map.of(
            "steps",
            List.of(
                    Map.of("id", "welcome", "type", "email", "template", "welcome"),
                    JourneyMother.split("arm", branch("a", 1, "mail_a"), branch("b", 3, "wait_b")),
                    Map.of("id", "mail_a", "type", "email", "template", "final_abandoned_cart", "next", "done"),
                    Map.of(
                            "id",
                            "wait_b",
                            "type",
                            "wait",
                            "event",
                            "order.placed",
                            "timeout",
                            "1 hour",
                            "on_event",
                            "thanks",
                            "next",
                            "check"),
                    Map.of("id", "check", "type", "condition", "if_true", "mail_b", "if_false", "done"),
                    Map.of("id", "mail_b", "type", "email", "template", "final_abandoned_cart", "next", "done"),
                    Map.of("id", "thanks", "type", "wait", "duration", "1 hour", "next", "done"),
                    JourneyMother.end("done")))));

    @Test
    void givesAStepTheBranchItIsReachedFromThroughWaitsAndConditionsAndNoneToOneBothBranchesReach() {
        assertThat(JOURNEY.branchOf("mail_b")).hasValueSatisfying(branch -> {
            assertThat(branch.index()).isEqualTo(1);
            assertThat(branch.weight()).isEqualTo(3.0);
            assertThat(branch.next()).isEqualTo("wait_b");
        });
        assertThat(JOURNEY.branchOf("mail_a").map(ArmBranches.Branch::weight)).hasValue(1.0);
        assertThat(JOURNEY.branchOf("done")).isEmpty();
        assertThat(JOURNEY.branchesTo("done")).isEqualTo(2);
        assertThat(JOURNEY.branchOf("welcome")).isEmpty();
        assertThat(JOURNEY.assignedAt("mail_b")).containsExactly("mail_b", "wait_b");
    }

    @Test
    void findsTheStepsAMailCanStillBeReachedFromThroughSplitsAndFallThroughButNotDownAnotherPath() {
        assertThat(JOURNEY.stepsReaching("mail_b"))
                .containsExactlyInAnyOrder("welcome", "arm", "wait_b", "check", "mail_b");
        assertThat(JOURNEY.stepsReaching("mail_a")).containsExactlyInAnyOrder("welcome", "arm", "mail_a");
        assertThat(JOURNEY.stepsReaching("thanks")).containsExactlyInAnyOrder("welcome", "arm", "wait_b", "thanks");
        assertThat(JOURNEY.stepsReaching("no_such_step")).isEmpty();
    }
}
