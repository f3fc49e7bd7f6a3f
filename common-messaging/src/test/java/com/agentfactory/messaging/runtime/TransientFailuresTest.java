package com.agentfactory.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOffExecution;

class TransientFailuresTest {

    @Test
    void aDatabaseThatCannotBeReachedIsTransientHoweverDeepTheListenerWrapsIt() {
        var noConnection = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed", noConnection)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("database restarting")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("statement timed out")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new SQLRecoverableException("socket"))))
                .isTrue();
    }

    @Test
    void aConnectionLostDuringCommitIsKnownByItsSqlState() {
        var lostAtCommit = new TransactionSystemException(
                "Could not commit JDBC transaction", new SQLException("An I/O error occurred", "08006"));
        var shuttingDown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(TransientFailures.isTransient(lostAtCommit)).isTrue();
        assertThat(TransientFailures.isTransient(shuttingDown)).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001")))
                .isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNotTransient() {
        var duplicate = new DataIntegrityViolationException(
                "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(TransientFailures.isTransient(duplicate)).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new MalformedEnvelopeException("not json", null)))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void aRefusalOrAnUnreadableRecordIsNeverTransientEvenWhenItsCauseIs() {
        var refused = RuleViolationException.of("order_number", "input names no order");
        refused.initCause(new DataAccessResourceFailureException("database restarting"));
        var unreadable = new MalformedEnvelopeException(
                "unreadable", new DataAccessResourceFailureException("database restarting"));

        assertThat(TransientFailures.isTransient(refused)).isFalse();
        assertThat(TransientFailures.isTransient(unreadable)).isFalse();
    }

    @Test
    void aCyclicCauseChainIsReadOnce() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }

    @Test
    void theCarriedFailureHasNoCauseSoItsRootCauseClassMarksItTransient() {
        var carried = new TransientFailures.TransientFailure(new ListenerExecutionFailedException(
                "listener failed", new DataAccessResourceFailureException("database restarting")));

        assertThat(carried.getCause()).isNull();
        assertThat(carried.getMessage()).isEqualTo("DataAccessResourceFailureException: database restarting");
        assertThat(TransientFailures.isTransient(carried)).isTrue();
    }

    @Test
    void transientRetriesNeverStopAndWaitAtMostTheCap() {
        var retry = new AgentRuntimeProperties.Retry(3, Duration.ofMillis(200), 2.0, Duration.ofMinutes(10));
        BackOffExecution execution =
                DeadLetterErrorHandlers.transientBackOff(retry).start();

        long last = 0;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(DeadLetterErrorHandlers.LONGEST_TRANSIENT_WAIT.toMillis());
    }
}
