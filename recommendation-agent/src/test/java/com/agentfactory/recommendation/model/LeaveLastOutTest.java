package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaveLastOutTest {

    @Test
    void findsEachUsersLatestProductFromTheRestOfTheirHistory() {
        // held out: u1 c, u2 c, u3 b; u4 has one product and is not evaluated
        List<Signal> oldestFirst = List.of(
                signal("u1", "a"),
                signal("u1", "b"),
                signal("u1", "c"),
                signal("u2", "a"),
                signal("u2", "b"),
                signal("u2", "c"),
                signal("u3", "a"),
                signal("u3", "c"),
                signal("u3", "b"),
                signal("u4", "a"));

        Map<String, Object> metrics = LeaveLastOut.evaluate(oldestFirst, 10);

        assertThat(metrics)
                .containsEntry("holdout_users", 3)
                .containsEntry("item_cf_hr_at_10", 1.0)
                .containsEntry("item_cf_ndcg_at_10", 1.0);
    }

    @Test
    void scoresAMissAsZero() {
        // u1's held-out "b" was never seen in training: nothing can find it
        List<Signal> oldestFirst = List.of(signal("u1", "a"), signal("u1", "b"), signal("u2", "a"), signal("u2", "c"));

        Map<String, Object> metrics = LeaveLastOut.evaluate(oldestFirst, 10);

        assertThat(metrics).containsEntry("holdout_users", 2).containsEntry("item_cf_hr_at_10", 0.0);
    }

    @Test
    void scoresEveryModelTheTrainerReturnsAndGivesEachTheUsersSequenceWithoutTheHeldOutItem() {
        List<Signal> oldestFirst = List.of(signal("u1", "a"), signal("u1", "b"), signal("u1", "c"));
        List<List<String>> sequencesSeen = new java.util.ArrayList<>();

        Map<String, Object> metrics = LeaveLastOut.evaluate(
                oldestFirst,
                train -> Map.of(
                        "always_c",
                                (history, recent, exclude, n) -> {
                                    sequencesSeen.add(recent);
                                    return List.of(new ScoredItem("c", 1));
                                },
                        "never", (history, recent, exclude, n) -> List.of()));

        assertThat(sequencesSeen).containsExactly(List.of("a", "b"));
        assertThat(metrics)
                .containsEntry("always_c_hr_at_10", 1.0)
                .containsEntry("always_c_ndcg_at_10", 1.0)
                .containsEntry("never_hr_at_10", 0.0);
    }

    private static Signal signal(String user, String item) {
        return new Signal(user, item, 1.0);
    }
}
