package com.agentfactory.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.error.FieldErrorDetail;
import org.junit.jupiter.api.Test;

class QueryTextFilterTest {

    @Test
    void namesEachQueryParameterHoldingAnEncodedNul() {
        assertThat(QueryTextFilter.nulParameters("status=QUEUED&task_type=a%00b&limit=5"))
                .containsExactly(new FieldErrorDetail("task_type", "must not contain the NUL character (U+0000)"));
    }

    @Test
    void letsOrdinaryAndMalformedEscapesThrough() {
        assertThat(QueryTextFilter.nulParameters("q=%3Cscript%3E&bad=%zz&flag")).isEmpty();
        assertThat(QueryTextFilter.nulParameters(null)).isEmpty();
    }
}
