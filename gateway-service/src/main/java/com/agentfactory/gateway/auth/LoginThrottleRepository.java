package com.agentfactory.gateway.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-account attempt counts and lockouts, kept in PostgreSQL so that a restart does not forgive them. The
 * {@code failures} column counts attempts, each before its password is checked: until a successful sign-in forgets
 * them, an attempt still being checked is as good as a failure.
 */
@Repository
class LoginThrottleRepository {

    // appended to an address's row key; the address part never holds a line break, so no address's row ends so
    private static final String SIGNED_IN = "\nsigned-in";

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lockedUntil(String account, Instant now) {
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE account = :account AND locked_until > :now")
                .param("account", account)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> rs.getTimestamp("locked_until").toInstant())
                .optional();
    }

    /**
     * Counts one sign-in attempt in one atomic upsert, before its password is checked, starting a new window when
     * the old one has passed; a locked account's count is left alone. Parallel attempts each get their own number,
     * so no more than the limit get past however many arrive at once.
     */
    Counted countAttempt(String account, Instant now, Instant windowStart) {
        return jdbc.sql("""
                        INSERT INTO login_throttle (account, failures, window_started_at, lockouts, updated_at)
                        VALUES (:account, 1, :now, 0, :now)
                        ON CONFLICT (account) DO UPDATE SET
                            failures = CASE WHEN login_throttle.locked_until > :now THEN login_throttle.failures
                                            WHEN login_throttle.window_started_at < :windowStart THEN 1
                                            ELSE login_throttle.failures + 1 END,
                            window_started_at = CASE WHEN login_throttle.locked_until > :now
                                                     THEN login_throttle.window_started_at
                                                     WHEN login_throttle.window_started_at < :windowStart THEN :now
                                                     ELSE login_throttle.window_started_at END,
                            updated_at = :now
                        RETURNING failures, lockouts, locked_until
                        """)
                .param("account", account)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .query((rs, row) -> counted(rs))
                .single();
    }

    private static Counted counted(ResultSet rs) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        return new Counted(
                rs.getInt("failures"), rs.getInt("lockouts"), lockedUntil == null ? null : lockedUntil.toInstant());
    }

    /**
     * Marks that the account was signed in to from this address (its row per address): a row of its own, beside the
     * address's counts, that outlives them by far.
     */
    void rememberSignIn(String addressKey, Instant now) {
        jdbc.sql("""
                        INSERT INTO login_throttle (account, failures, window_started_at, lockouts, updated_at)
                        VALUES (:account, 0, :now, 0, :now)
                        ON CONFLICT (account) DO UPDATE SET updated_at = :now
                        """)
                .param("account", addressKey + SIGNED_IN)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean signedInBefore(String addressKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_throttle WHERE account = :account)")
                .param("account", addressKey + SIGNED_IN)
                .query(Boolean.class)
                .single();
    }

    /**
     * The attempts counted in the current window (0 when there is none) and the lockouts since the last successful
     * sign-in, without counting one.
     */
    Counted countSoFar(String account, Instant windowStart) {
        return jdbc.sql("""
                        SELECT CASE WHEN window_started_at >= :windowStart THEN failures ELSE 0 END AS failures,
                               lockouts, locked_until
                        FROM login_throttle WHERE account = :account
                        """)
                .param("account", account)
                .param("windowStart", Timestamp.from(windowStart))
                .query((rs, row) -> counted(rs))
                .optional()
                .orElse(new Counted(0, 0, null));
    }

    /** Takes back one attempt {@link #countAttempt} counted, unless a lockout has reset the count since. */
    void uncountAttempt(String account, Instant now) {
        jdbc.sql("""
                        UPDATE login_throttle SET failures = failures - 1, updated_at = :now
                        WHERE account = :account AND failures > 0
                          AND (locked_until IS NULL OR locked_until <= :now)
                        """)
                .param("account", account)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks the account when it still has at least {@code maxFailures} attempts counted: of two racing failures past
     * the limit only the first locks, because it resets the count.
     */
    boolean lock(String account, int maxFailures, Instant now, Instant until) {
        return jdbc.sql("""
                                UPDATE login_throttle
                                SET locked_until = :until, lockouts = lockouts + 1, failures = 0,
                                    window_started_at = :now, updated_at = :now
                                WHERE account = :account AND failures >= :maxFailures
                                """)
                        .param("account", account)
                        .param("maxFailures", maxFailures)
                        .param("now", Timestamp.from(now))
                        .param("until", Timestamp.from(until))
                        .update()
                == 1;
    }

    /**
     * Removes rows untouched since {@code cutoff}, whose window and lockout are long over, and the marks of sign-ins
     * from an address not signed in from since {@code signInCutoff}.
     */
    int pruneQuietSince(Instant cutoff, Instant signInCutoff) {
        return jdbc.sql("""
                        DELETE FROM login_throttle
                        WHERE updated_at < :cutoff AND (right(account, length(:signedIn)) <> :signedIn
                          OR updated_at < :signInCutoff)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("signedIn", SIGNED_IN)
                .param("signInCutoff", Timestamp.from(signInCutoff))
                .update();
    }

    void forget(String account) {
        jdbc.sql("DELETE FROM login_throttle WHERE account = :account")
                .param("account", account)
                .update();
    }

    /**
     * @param attempts attempts counted in the current window, this one included; a successful sign-in forgets them
     * @param lockedUntil when the current or last lockout ends; null when the account has not been locked
     */
    record Counted(int attempts, int lockouts, Instant lockedUntil) {}
}
