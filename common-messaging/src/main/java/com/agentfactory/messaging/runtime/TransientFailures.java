package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.error.DomainException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the infrastructure a listener stands on (the database restarting, the pool out of connections,
 * a deadlock or serialization conflict) from a failure of the record itself. The first passes by itself, so the
 * record is retried until it does; only the second may end on a dead-letter topic.
 */
final class TransientFailures {

    private TransientFailures() {}

    /** True when something in the cause chain says "try again later" and nothing in it says the record is bad. */
    static boolean isTransient(Throwable failure) {
        boolean transientCause = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof DomainException || current instanceof MalformedEnvelopeException) {
                return false;
            }
            transientCause |= isTransientItself(current);
        }
        return transientCause;
    }

    /** The first failure in the chain that is transient itself, for the log: the outermost one rarely says much. */
    static Throwable transientCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (isTransientItself(current)) {
                return current;
            }
        }
        return failure;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof TransientFailure
                || failure instanceof TransientDataAccessException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        // PostgreSQL's driver reports a lost or refused connection as a plain SQLException: its state says what it is
        return failure instanceof SQLException sql && isTransientState(sql.getSQLState());
    }

    private static boolean isTransientState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        return sqlState.startsWith("08") // connection exception
                || sqlState.startsWith("53") // insufficient resources: too many connections, out of memory, disk full
                || sqlState.startsWith("57P") // admin or crash shutdown, cannot connect now (the server is starting)
                || sqlState.equals("40001") // serialization failure
                || sqlState.equals("40P01"); // deadlock detected
    }

    /**
     * A transient failure as the error handler carries it: without a cause, so that Spring Kafka, which keys a record's
     * retry state on the root cause's class, starts a new count when the failure changes between transient and not.
     * The original failure stays attached as a suppressed exception for the log.
     */
    static final class TransientFailure extends RuntimeException {

        TransientFailure(Throwable original) {
            super(describe(transientCause(original)), null, true, false);
            addSuppressed(original);
        }

        static String describe(Throwable failure) {
            String message = failure.getMessage();
            return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }
}
