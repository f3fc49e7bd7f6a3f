package com.agentfactory.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void ranksADocumentBothSearchesFoundAboveOneThatOnlyOneFoundFirst() {
        var fused = ReciprocalRankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d", "a")), 60);

        assertThat(fused.stream().map(ReciprocalRankFusion.Fused::id)).containsExactly("b", "a", "d", "c");
        assertThat(fused.getFirst().score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.getFirst().ranks()).containsExactly(2, 1);
    }

    @Test
    void recordsRankZeroForASearchThatDidNotReturnTheDocument() {
        var fused = ReciprocalRankFusion.fuse(List.of(List.of("a"), List.of()), 60);

        assertThat(fused).singleElement().satisfies(only -> assertThat(only.ranks())
                .containsExactly(1, 0));
    }
}
