package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockRandomisationTest {

    @Test
    void reducesTheWeightsToTheSmallestBlock() {
        assertThat(BlockRandomisation.block(List.of(50, 50))).containsExactly(0, 1);
        assertThat(BlockRandomisation.block(List.of(20, 40, 40))).containsExactly(0, 1, 1, 2, 2);
    }

    @Test
    void fillsEveryBlockWithEachBranchItsWeightsTimes() {
        List<Integer> weights = List.of(1, 2, 1);
        for (int block = 0; block < 50; block++) {
            int first = block * 4;
            Map<Integer, Integer> counts = new HashMap<>();
            IntStream.range(first, first + 4)
                    .forEach(position ->
                            counts.merge(BlockRandomisation.branchAt(weights, "s", position), 1, Integer::sum));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 1, 2, 2, 1));
        }
    }

    @Test
    void givesTheSamePlaceTheSameBranchEveryTime() {
        List<Integer> assigned = IntStream.range(0, 40)
                .mapToObj(position -> BlockRandomisation.branchAt(List.of(1, 1), "journey/split/stratum", position))
                .toList();
        List<Integer> again = IntStream.range(0, 40)
                .mapToObj(position -> BlockRandomisation.branchAt(List.of(1, 1), "journey/split/stratum", position))
                .toList();

        assertThat(again).isEqualTo(assigned);
    }

    @Test
    void shufflesTheBlocksRatherThanAlternating() {
        List<Integer> assigned = IntStream.range(0, 200)
                .mapToObj(position -> BlockRandomisation.branchAt(List.of(1, 1), "k", position))
                .toList();
        long firstPlaceIsControl = IntStream.range(0, 100)
                .filter(block -> assigned.get(block * 2) == 0)
                .count();

        // each block's order is a fair coin: 100 blocks all starting alike would be a 2^-99 event
        assertThat(firstPlaceIsControl).isBetween(25L, 75L);
    }
}
