package com.agentfactory.messaging.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Future;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Orders two concurrent actors through PostgreSQL's own locks: a test holds a conflicting lock on a second connection,
 * starts the call on another thread and waits here until the database shows the call's statement waiting for that
 * lock, so whatever the test does next (commit, roll back) happens while the call is stuck there, never before.
 *
 * <p>Ask with {@code jdbc} outside any transaction (a plain {@code JdbcTemplate} polled by Awaitility is): a
 * transaction's first read of {@code pg_stat_activity} freezes what it sees of the other sessions until it ends, so a
 * look taken inside one before the call got to its lock would never see it waiting.
 */
public final class LockWaits {

    /** Long enough for a first call into a freshly started service; a call that is waiting shows up at once. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LockWaits() {}

    /**
     * A connection of its own to the application's database and schema, outside the application's pool (a pooled
     * connection could be the one the call needs), with auto-commit off so what it does stays uncommitted and holds its
     * locks until the test commits or rolls back.
     */
    public static Connection secondConnection(Environment environment) throws SQLException {
        Connection connection = DriverManager.getConnection(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
        try {
            connection.setAutoCommit(false);
            connection.setSchema(environment.getRequiredProperty("spring.datasource.hikari.schema"));
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Whether a statement of this database whose text holds {@code queryFragment} waits for a lock.
     *
     * @param queryFragment a piece of the waiting statement's SQL, matched with LIKE (so {@code %} stands for anything
     *     and case counts), e.g. {@code INSERT INTO%privacy_requests} for the quoted table name Spring Data JDBC writes
     */
    public static boolean isWaitingForLock(JdbcOperations jdbc, String queryFragment) {
        // the fragment is a parameter: written into this query's text, this very query would look like the one sought
        Long waiting = jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database() AND query LIKE ?",
                Long.class,
                "%" + queryFragment + "%");
        return waiting != null && waiting > 0;
    }

    /** Waits until a statement holding {@code queryFragment} waits for a lock (see {@link #isWaitingForLock}). */
    public static void awaitStatementWaitingForLock(JdbcOperations jdbc, String queryFragment) {
        await("a statement like '" + queryFragment + "' waiting for a lock")
                .atMost(PATIENCE)
                .until(() -> isWaitingForLock(jdbc, queryFragment));
    }

    /**
     * Waits until a statement holding {@code queryFragment} waits for a lock, or until {@code call} is done: a call
     * that got through without waiting then fails on its answer, which says more than a timeout here would.
     */
    public static void awaitStatementWaitingForLock(JdbcOperations jdbc, String queryFragment, Future<?> call) {
        await("a statement like '" + queryFragment + "' waiting for a lock, or the call done")
                .atMost(PATIENCE)
                .until(() -> call.isDone() || isWaitingForLock(jdbc, queryFragment));
    }

    /**
     * Waits until exactly this many sessions of this database wait for a lock: for calls whose statements the test
     * cannot tell apart by their text, e.g. two writes to one table held back by a table lock.
     */
    public static void awaitSessionsWaitingForLocks(JdbcOperations jdbc, long sessions) {
        await(sessions + " sessions waiting for a lock")
                .atMost(PATIENCE)
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                        + " AND datname = current_database()",
                                Long.class),
                        waiting -> waiting == sessions);
    }

    /** The backend pid of the connection holding the lock, for {@link #awaitSessionBlockedBy}. */
    public static int backendPid(Connection holder) throws SQLException {
        try (Statement statement = holder.createStatement();
                var pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    /** Whether some session waits for a lock the session with backend pid {@code holder} holds. */
    public static boolean isSessionBlockedBy(JdbcOperations jdbc, int holder) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid)))",
                Boolean.class,
                holder));
    }

    /**
     * Waits until some session waits for a lock the session {@code holder} holds: for a call whose statement's text
     * is not known to the test, only which lock it must come to.
     */
    public static void awaitSessionBlockedBy(JdbcOperations jdbc, int holder) {
        await("a session waiting for a lock of backend " + holder)
                .atMost(PATIENCE)
                .until(() -> isSessionBlockedBy(jdbc, holder));
    }
}
