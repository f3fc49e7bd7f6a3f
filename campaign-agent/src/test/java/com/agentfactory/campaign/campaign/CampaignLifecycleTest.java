package com.agentfactory.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void followsTheSpecificationsPathFromPlanToArchive() {
        Campaign campaign = CampaignMother.planned();
        List<CampaignState> path = List.of(
                CampaignState.CREATE,
                CampaignState.TEST,
                CampaignState.LAUNCH,
                CampaignState.OPTIMISE,
                CampaignState.MONITOR,
                CampaignState.ANALYSE,
                CampaignState.REPORT,
                CampaignState.ARCHIVE);

        for (CampaignState next : path) {
            campaign.moveTo(next, "marketing-lead", "next stage", NOW);
        }

        assertThat(campaign.state()).isEqualTo(CampaignState.ARCHIVE);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
        "PLAN, LAUNCH, 'create, archive'",
        "CREATE, LAUNCH, 'plan, test, archive'",
        "LAUNCH, ARCHIVE, 'optimise, monitor, paused'",
        "PAUSED, ARCHIVE, 'launch, analyse'",
        "REPORT, PLAN, 'archive'",
        "ARCHIVE, PLAN, ''"
    })
    void refusesTransitionsTheLifecycleDoesNotAllowAndNamesTheAllowedOnes(
            CampaignState from, CampaignState to, String expectedAllowed) {
        List<String> allowed =
                expectedAllowed == null || expectedAllowed.isEmpty() ? List.of() : List.of(expectedAllowed.split(", "));

        assertThatThrownBy(() -> CampaignLifecycle.check(from, to))
                .isInstanceOfSatisfying(TransitionNotAllowedException.class, e -> {
                    assertThat(e.allowedStates()).isEqualTo(allowed);
                    assertThat(e.getMessage()).contains(from.wireName()).contains(to.wireName());
                });
    }

    @Test
    void namesTheAllowedStatesInLifecycleOrder() {
        assertThat(CampaignLifecycle.allowedFrom(CampaignState.MONITOR))
                .containsExactly(CampaignState.OPTIMISE, CampaignState.PAUSED, CampaignState.ANALYSE);
        assertThat(CampaignLifecycle.allowedFrom(CampaignState.ARCHIVE)).isEmpty();
    }

    @Test
    void neverAllowsStayingInTheSameState() {
        for (CampaignState state : CampaignState.values()) {
            assertThat(CampaignLifecycle.allowedFrom(state)).doesNotContain(state);
        }
    }

    @Test
    void reachesEveryStateFromPlanAndEveryStateReachesTheArchive() {
        Set<CampaignState> reached = EnumSet.of(CampaignLifecycle.initial());
        var queue = new ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            for (CampaignState next : CampaignLifecycle.allowedFrom(queue.poll())) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(CampaignState.values());
        for (CampaignState state : CampaignState.values()) {
            assertThat(reachesArchive(state)).as(state + " reaches archive").isTrue();
        }
    }

    @Test
    void onceLaunchedReachesTheArchiveOnlyThroughAReport() {
        for (CampaignState running :
                List.of(CampaignState.LAUNCH, CampaignState.OPTIMISE, CampaignState.MONITOR, CampaignState.PAUSED)) {
            assertThat(CampaignLifecycle.allowedFrom(running))
                    .doesNotContain(CampaignState.ARCHIVE, CampaignState.PLAN, CampaignState.CREATE);
        }
    }

    @Test
    void recordsWhoMovedTheCampaignFromWhereToWhereWhenAndWhy() {
        Campaign campaign = CampaignMother.planned();

        CampaignTransition entry = campaign.moveTo(CampaignState.CREATE, "alice", "brief approved", NOW);

        assertThat(entry.fromState()).isEqualTo("plan");
        assertThat(entry.toState()).isEqualTo("create");
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.reason()).isEqualTo("brief approved");
        assertThat(entry.occurredAt()).isEqualTo(NOW);
        assertThat(campaign.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void leavesTheStateAloneWhenATransitionIsRefused() {
        Campaign campaign = CampaignMother.planned();

        assertThatThrownBy(() -> campaign.moveTo(CampaignState.REPORT, "alice", "skip ahead", NOW))
                .isInstanceOf(TransitionNotAllowedException.class);

        assertThat(campaign.state()).isEqualTo(CampaignState.PLAN);
    }

    private static boolean reachesArchive(CampaignState from) {
        Set<CampaignState> seen = EnumSet.of(from);
        var queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            CampaignState state = queue.poll();
            if (state == CampaignState.ARCHIVE) {
                return true;
            }
            for (CampaignState next : CampaignLifecycle.allowedFrom(state)) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return false;
    }

    @Test
    void endsOnlyInTheArchive() {
        assertThat(EnumSet.allOf(CampaignState.class).stream().filter(CampaignLifecycle::isFinal))
                .containsExactly(CampaignState.ARCHIVE);
    }
}
