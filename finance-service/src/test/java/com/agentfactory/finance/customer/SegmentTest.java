package com.agentfactory.finance.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SegmentTest {

    // readers validate segment rules against the announced names, so a segment finance assigns must be among them
    @Test
    void theChangeEventAnnouncesExactlyTheSegmentsFinanceAssigns() {
        assertThat(Arrays.stream(Segment.values()).map(Segment::wireName))
                .containsExactlyInAnyOrderElementsOf(CustomerSegmentChanged.SEGMENTS);
    }

    @Test
    void readsEachWireNameBackAsItsSegment() {
        CustomerSegmentChanged.SEGMENTS.forEach(
                name -> assertThat(Segment.fromWireName(name).wireName()).isEqualTo(name));
    }
}
