package com.agentfactory.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.outbox.DeadLetterMother;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's erasure removes the outbox dead letters that name them, in every service that answers privacy requests,
 * without a holder of the service's own: this application declares only a holder that keeps nothing.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
// the holders of PrivacyFailureReportIT, so both share one application and one privacy consumer group
@Import(PrivacyFailureReportIT.Holders.class)
@UsesLocalInfrastructure
class OutboxDeadLetterErasureIT {

    @Autowired
    PrivacyRequestListener listener;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void anErasureDeletesTheDeadLettersNamingTheCustomerAndCountsThem() {
        UUID customer = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        UUID inPayload = DeadLetterMother.store(
                jdbc, "order-" + UUID.randomUUID(), DeadLetterMother.taskOutputNaming(customer), clock.instant());
        UUID inKey = DeadLetterMother.store(
                jdbc, customer.toString().toUpperCase(Locale.ROOT), "{\"data\": {}}", clock.instant());
        UUID ofSomeoneElse = DeadLetterMother.store(
                jdbc, someoneElse.toString(), DeadLetterMother.taskOutputNaming(someoneElse), clock.instant());

        PrivacyReported report = transactions.execute(
                status -> listener.answer(new PrivacyRequested(UUID.randomUUID(), customer, PrivacyAction.ERASURE)));

        assertThat(DeadLetterMother.isKept(jdbc, inPayload)).isFalse();
        assertThat(DeadLetterMother.isKept(jdbc, inKey)).isFalse();
        assertThat(DeadLetterMother.isKept(jdbc, ofSomeoneElse)).isTrue();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.failed()).isFalse();
    }

    @Test
    void anExportLeavesTheDeadLettersOutAndKeepsThem() {
        UUID customer = UUID.randomUUID();
        UUID deadLetter = DeadLetterMother.store(
                jdbc, customer.toString(), DeadLetterMother.taskOutputNaming(customer), clock.instant());

        PrivacyReported report = transactions.execute(
                status -> listener.answer(new PrivacyRequested(UUID.randomUUID(), customer, PrivacyAction.EXPORT)));

        assertThat(report.records()).isZero();
        assertThat(DeadLetterMother.isKept(jdbc, deadLetter)).isTrue();
    }
}
