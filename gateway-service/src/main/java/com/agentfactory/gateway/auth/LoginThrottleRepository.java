package com.agentfactory.gateway.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-account failure counts and lockouts, kept in PostgreSQL so that a restart does not forgive them. */
@Repository
class LoginThrottleRepository {

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

    /** Counts one failure in one atomic upsert, starting a new window when the old one has passed. */
    Counted countFailure(String account, Instant now, Instant windowStart) {
        return jdbc.sql("""
                        INSERT INTO login_throttle (account, failures, window_started_at, lockouts, updated_at)
                        VALUES (:account, 1, :now, 0, :now)
                        ON CONFLICT (account) DO UPDATE SET
                            failures = CASE WHEN login_throttle.window_started_at < :windowStart
                                            THEN 1 ELSE login_throttle.failures + 1 END,
                            window_started_at = CASE WHEN login_throttle.window_started_at < :windowStart
                                                     THEN :now ELSE login_throttle.window_started_at END,
                            updated_at = :now
                        RETURNING failures, lockouts
                        """)
                .param("account", account)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .query((rs, row) -> new Counted(rs.getInt("failures"), rs.getInt("lockouts")))
                .single();
    }

    /**
     * Locks the account when it still has at least {@code maxFailures} failures: of two racing failures past the
     * limit only the first locks, because it resets the count.
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

    /** Removes rows untouched since {@code cutoff}: their window and lockout are long over. */
    int pruneQuietSince(Instant cutoff) {
        return jdbc.sql("DELETE FROM login_throttle WHERE updated_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    void forget(String account) {
        jdbc.sql("DELETE FROM login_throttle WHERE account = :account")
                .param("account", account)
                .update();
    }

    record Counted(int failures, int lockouts) {}
}
