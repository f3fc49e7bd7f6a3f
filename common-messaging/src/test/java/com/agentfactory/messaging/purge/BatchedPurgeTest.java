package com.agentfactory.messaging.purge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BatchedPurgeTest {

    private final Logger log = (Logger) LoggerFactory.getLogger(BatchedPurgeTest.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void recordLog() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void stopRecording() {
        log.detachAppender(logged);
    }

    @Test
    void deletesAgainWhileABatchComesBackFull() {
        Batches batches = new Batches(10, 10, 3, 10);

        assertThat(BatchedPurge.pass("rows", 10, batches, log)).isEqualTo(23);
        assertThat(batches.calls).as("none after the short batch").isEqualTo(3);
    }

    @Test
    void stopsAfterAnEmptyBatch() {
        Batches batches = new Batches(0, 10);

        assertThat(BatchedPurge.pass("rows", 10, batches, log)).isZero();
        assertThat(batches.calls).isOne();
    }

    @Test
    void stopsAfterTheMostBatchesOfAPassLeavingTheRestToTheNext() {
        int[] calls = {0};

        int deleted = BatchedPurge.pass(
                "rows",
                5,
                () -> {
                    calls[0]++;
                    return 5;
                },
                log);

        assertThat(calls[0]).isEqualTo(BatchedPurge.MAX_BATCHES_PER_PASS);
        assertThat(deleted).isEqualTo(5 * BatchedPurge.MAX_BATCHES_PER_PASS);
    }

    @Test
    void aFailureEndsThePassWithAWarningCountingTheBatchesBeforeIt() {
        int[] calls = {0};

        int deleted = BatchedPurge.pass(
                "Old rows",
                4,
                () -> {
                    if (++calls[0] == 3) {
                        throw new IllegalStateException("connection refused");
                    }
                    return 4;
                },
                log);

        assertThat(deleted).isEqualTo(8);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("Old rows not purged: connection refused");
        });
    }

    @Test
    void aPassWithoutFailureWarnsOfNothing() {
        BatchedPurge.pass("rows", 10, new Batches(10, 2), log);

        assertThat(logged.list).isEmpty();
    }

    /** Deletes the given numbers of rows, one a call. */
    private static final class Batches implements IntSupplier {

        private final Queue<Integer> sizes;
        int calls;

        Batches(Integer... sizes) {
            this.sizes = new ArrayDeque<>(List.of(sizes));
        }

        @Override
        public int getAsInt() {
            calls++;
            return sizes.remove();
        }
    }
}
