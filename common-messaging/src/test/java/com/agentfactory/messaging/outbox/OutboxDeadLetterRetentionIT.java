package com.agentfactory.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A dead letter keeps a whole message, often a customer's data: it is deleted once its retention (30 days) is up. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class OutboxDeadLetterRetentionIT {

    @Autowired
    OutboxDeadLetterPurger purger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void deletesDeadLettersKeptLongerThanTheRetentionAndKeepsTheYoungerOnes() {
        Instant now = clock.instant();
        UUID customer = UUID.randomUUID();
        UUID expired = DeadLetterMother.store(
                jdbc, customer.toString(), DeadLetterMother.taskOutputNaming(customer), now.minus(Duration.ofDays(31)));
        UUID young = DeadLetterMother.store(
                jdbc, customer.toString(), DeadLetterMother.taskOutputNaming(customer), now.minus(Duration.ofDays(29)));

        int deleted = purger.purge();

        assertThat(DeadLetterMother.isKept(jdbc, expired)).isFalse();
        assertThat(DeadLetterMother.isKept(jdbc, young)).isTrue();
        assertThat(deleted).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPassDeletesMoreThanOneBatchOfExpiredDeadLetters() {
        Instant longAgo = clock.instant().minus(Duration.ofDays(40));
        // the default batch is 500 rows: a backlog over it takes more than one batch of the same pass
        UUID[] expired = new UUID[501];
        for (int i = 0; i < expired.length; i++) {
            expired[i] = DeadLetterMother.store(jdbc, "key-" + i, "{}", longAgo);
        }

        purger.purge();

        assertThat(expired).noneMatch(messageId -> DeadLetterMother.isKept(jdbc, messageId));
    }
}
