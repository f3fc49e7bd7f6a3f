package com.agentfactory.support.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second connection holding row locks, so a test can stop the application at the lock it takes next and look at
 * what it holds meanwhile. Waiting until the application waits on the held lock is the test kit's
 * {@link com.agentfactory.messaging.testing.LockWaits}.
 */
public final class RowLocks {

    private RowLocks() {}

    /** Locks the row of {@code table} with this id until the connection's transaction ends. */
    public static void lock(Connection connection, String table, UUID id) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("SELECT id FROM " + table + " WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id);
            try (ResultSet locked = lock.executeQuery()) {
                if (!locked.next()) {
                    throw new IllegalStateException("no row " + id + " in " + table);
                }
            }
        }
    }

    /** Whether the row of {@code table} with this id could be locked at once, i.e. no transaction holds it. */
    public static boolean free(JdbcClient jdbc, String table, UUID id) {
        try {
            jdbc.sql("SELECT id FROM " + table + " WHERE id = :id FOR UPDATE NOWAIT")
                    .param("id", id)
                    .query(UUID.class)
                    .single();
            return true;
        } catch (org.springframework.dao.DataAccessException held) {
            return false;
        }
    }
}
