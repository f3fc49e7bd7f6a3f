package com.agentfactory.recommendation.surface;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Listens on a PostgreSQL notification channel, on a connection of its own: the pool's would be held for good. A
 * notification is sent when the transaction that sent it commits, so it reaches every instance listening within
 * milliseconds of the commit, whatever Redis does meanwhile.
 *
 * <p>Whether it is listening is known at all times: a connection lost is noticed at once when the server or the
 * network closes it, and within a heartbeat and a socket timeout when it goes silent. After every (re)connection
 * {@code onListening} runs before the first notification is read and before it counts as listening, for what was
 * committed while no notification could arrive.
 */
final class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final int SOCKET_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final String channel;
    private final JdbcConnectionDetails database;
    private final Consumer<String> onNotification;
    private final Runnable onListening;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    /** @param channel a PostgreSQL identifier of lower-case letters and underscores */
    NotificationListener(
            String channel, JdbcConnectionDetails database, Consumer<String> onNotification, Runnable onListening) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.database = database;
        this.onNotification = onNotification;
        this.onListening = onListening;
    }

    /** Listens from now on; the first connection is tried before returning, so a service starts listening. */
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Connection first = connect();
        thread = Thread.ofPlatform().daemon().name("notifications-" + channel).start(() -> listen(first));
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        listening = false;
        // wakes the thread from its read or its wait before the next try
        close(connection);
        thread.interrupt();
    }

    boolean isRunning() {
        return running;
    }

    /** Whether every notification sent since {@code onListening} last ran is being received. */
    boolean listening() {
        return listening;
    }

    private void listen(Connection first) {
        Connection current = first;
        Duration retry = FIRST_RETRY;
        while (running) {
            if (current == null) {
                try {
                    Thread.sleep(retry);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                current = connect();
                continue;
            }
            retry = FIRST_RETRY;
            try {
                receive(current);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening on {} failed, connecting again: {}", channel, e.getMessage());
                }
            }
            listening = false;
            close(current);
            current = null;
        }
    }

    private void receive(Connection current) throws SQLException {
        PGConnection postgres = current.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] received = postgres.getNotifications((int) HEARTBEAT.toMillis());
            if (received == null || received.length == 0) {
                // a connection gone silent delivers nothing either: a query notices, within the socket timeout
                try (Statement heartbeat = current.createStatement()) {
                    heartbeat.execute("SELECT 1");
                }
                continue;
            }
            for (PGNotification notification : received) {
                onNotification.accept(notification.getParameter());
            }
        }
    }

    /** A connection listening on the channel with {@code onListening} run, or null when there is none to be had. */
    private Connection connect() {
        Connection opened = null;
        try {
            Properties properties = new Properties();
            properties.setProperty("user", database.getUsername());
            if (database.getPassword() != null) {
                properties.setProperty("password", database.getPassword());
            }
            properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            properties.setProperty("connectTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            properties.setProperty("ApplicationName", "notifications-" + channel);
            opened = DriverManager.getConnection(database.getJdbcUrl(), properties);
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            connection = opened;
            // after LISTEN: whatever committed before it is read here, whatever commits after it is notified
            onListening.run();
            if (!running) {
                close(opened);
                return null;
            }
            listening = true;
            return opened;
        } catch (SQLException | RuntimeException e) {
            log.warn("Cannot listen on {}: {}", channel, e.getMessage());
            close(opened);
            return null;
        }
    }

    private static void close(Connection closing) {
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (SQLException e) {
            // closing a connection that failed: nothing more to do
        }
    }
}
