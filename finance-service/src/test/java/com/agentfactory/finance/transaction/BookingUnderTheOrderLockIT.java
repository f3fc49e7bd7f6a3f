package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A booking waits for its order's lock before it writes its ledger row, whose audit trigger holds the audit chain's
 * head to commit: waiting for the order while holding the head, it would deadlock with a booking of the same order
 * holding the order and about to write.
 */
class BookingUnderTheOrderLockIT extends FinanceIntegrationTest {

    @Autowired
    TransactionService ledger;

    @Autowired
    Environment environment;

    @Test
    void aSaleWaitsForItsOrdersLockWithoutHoldingTheAuditChain() throws Exception {
        var order = OrderMother.order(freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC));

        boolean booked = whileTheOrderIsLocked(order.orderNumber(), () -> ledger.recordOrderPlaced(order));

        assertThat(booked).isTrue();
        assertThat(ledger.bySourceEvent(order.eventId()))
                .hasValueSatisfying(sale -> assertThat(sale.amount()).isEqualByComparingTo(order.total()));
    }

    @Test
    void aRefundNamingNoProductsWaitsForItsOrdersLockWithoutHoldingTheAuditChain() throws Exception {
        var order = OrderMother.order(freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC));
        ledger.recordOrderPlaced(order);
        Instant receivedAt = order.occurredAt().plusSeconds(3600);
        var receipt = new ReturnReceived(
                UUID.randomUUID(),
                receivedAt,
                UUID.randomUUID(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                order.total(),
                order.currency(),
                "desk-1",
                List.of());

        boolean booked = whileTheOrderIsLocked(order.orderNumber(), () -> ledger.recordReturnReceived(receipt));

        assertThat(booked).isTrue();
        assertThat(ledger.bySourceEvent(receipt.eventId()))
                .hasValueSatisfying(refund -> assertThat(refund.type()).isEqualTo(TransactionType.REFUND));
    }

    /**
     * Holds the lock of the order's number, as a booking of the same order on another instance would, runs the booking
     * until it waits for it, shows the audit chain's head free meanwhile, then lets the booking through.
     */
    private boolean whileTheOrderIsLocked(String orderNumber, Callable<Boolean> booking) throws Exception {
        try (ExecutorService bookings = Executors.newSingleThreadExecutor();
                Connection holder = LockWaits.secondConnection(environment)) {
            // the number only, the second of the order's keys: the booking must have taken them all before it writes
            OrderLock.take(
                    new JdbcTemplate(new SingleConnectionDataSource(holder, true)), List.of(), List.of(orderNumber));

            Future<Boolean> call = bookings.submit(booking);
            LockWaits.awaitStatementWaitingForLock(jdbc, "pg_advisory_xact_lock", call);
            assertThat(call).isNotDone();

            // polled for a while, so an audited write elsewhere passing through the head does not count against it
            await("the audit chain's head free while the booking waits for its order")
                    .atMost(Duration.ofSeconds(10))
                    .until(this::auditChainHeadIsFree);

            holder.rollback();
            return call.get(30, TimeUnit.SECONDS);
        }
    }

    private boolean auditChainHeadIsFree() throws SQLException {
        try (Connection other = LockWaits.secondConnection(environment);
                Statement statement = other.createStatement()) {
            try {
                statement.execute("SELECT id FROM audit_chain_head WHERE id FOR UPDATE NOWAIT");
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    return false;
                }
                throw e;
            } finally {
                other.rollback();
            }
        }
    }
}
