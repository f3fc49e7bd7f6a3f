package com.agentfactory.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class IdempotentConsumerIT {

    private final String consumer = "idempotent-test-" + UUID.randomUUID();

    @Autowired
    IdempotentConsumer idempotent;

    @Test
    void runsAnEffectOncePerMessage() {
        UUID id = UUID.randomUUID();
        List<UUID> applied = new ArrayList<>();

        boolean first = idempotent.runOnce(id, consumer, () -> applied.add(id));
        boolean second = idempotent.runOnce(id, consumer, () -> applied.add(id));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(applied).containsExactly(id);
    }

    @Test
    void batchHandsOnlyMessagesNotSeenBeforeToTheEffectInTheirOrderAndEachOnce() {
        UUID seen = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        idempotent.runOnce(seen, consumer, () -> {});
        List<UUID> applied = new ArrayList<>();

        int fresh = idempotent.runOnceEach(List.of(b, seen, a, b), id -> id, consumer, applied::addAll);

        assertThat(fresh).isEqualTo(2);
        assertThat(applied).containsExactly(b, a);
        assertThat(idempotent.runOnceEach(List.of(a, b), id -> id, consumer, applied::addAll))
                .isZero();
    }

    @Test
    void aFailedBatchClaimsNothingSoItsRedeliveryIsApplied() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> idempotent.runOnceEach(List.of(id), m -> m, consumer, fresh -> {
                    throw new IllegalStateException("effect failed");
                }))
                .hasMessage("effect failed");

        List<UUID> applied = new ArrayList<>();
        idempotent.runOnceEach(List.of(id), m -> m, consumer, applied::addAll);
        assertThat(applied).containsExactly(id);
    }
}
