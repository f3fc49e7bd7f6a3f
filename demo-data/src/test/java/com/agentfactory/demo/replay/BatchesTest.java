package com.agentfactory.demo.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void splitsIntoBatchesOfAtMostTheGivenSizeKeepingTheOrder() {
        List<Integer> items = IntStream.range(0, 7).boxed().toList();

        assertThat(Batches.split(items, 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6));
    }

    @Test
    void nothingToSendMeansNoBatches() {
        assertThat(Batches.split(List.of(), 200)).isEmpty();
    }

    @Test
    void batchesLargerThanThePlatformAcceptsAreRefused() {
        assertThatThrownBy(() -> Batches.split(List.of(1), 501)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Batches.split(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
