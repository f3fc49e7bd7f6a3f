package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox to Kafka: locks a batch of rows, sends them all, waits for the broker's
 * acknowledgement (acks=all, idempotent producer), then deletes them in the same transaction. If Kafka
 * is down the transaction rolls back and the rows wait for the next attempt, so nothing is lost; a
 * batch that was partly sent before a failure is sent again, which the idempotent consumers absorb.
 * SKIP LOCKED lets several instances of a service relay side by side.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH = "SELECT id, topic, message_key, payload FROM outbox_messages"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final RelayTracing tracing;
    private volatile boolean running;
    private Thread worker;
    private volatile long lastBacklogCheck;

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            MeterRegistry meters) {
        this(jdbc, transactions, kafka, properties, meters, RelayTracing.NONE);
    }

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, String> kafka,
            OutboxProperties properties,
            MeterRegistry meters,
            RelayTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("outbox.published")
                .description("Messages relayed from the outbox to Kafka")
                .register(meters);
        this.failures = Counter.builder("outbox.relay.failures")
                .description("Relay attempts that failed and will be retried")
                .register(meters);
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Messages written to the outbox and not yet acknowledged by Kafka")
                .register(meters);
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Relays one batch; returns how many messages went out. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<Row> rows = jdbc.query(
                    SELECT_BATCH,
                    (rs, i) -> new Row(
                            rs.getLong("id"),
                            rs.getString("topic"),
                            rs.getString("message_key"),
                            rs.getString("payload")),
                    properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            sendAll(rows);
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("DELETE FROM outbox_messages WHERE id = ANY (?)");
                statement.setArray(1, connection.createArrayOf("bigint", ids));
                return statement;
            });
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    private void sendAll(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            // the trace the message was written in, stored with it in its envelope; a tracer's producer observation
            // replaces this header with one of its own span in the same trace
            String traceparent = TraceContext.traceparentOfEnvelopeJson(row.payload());
            if (traceparent != null) {
                record.headers().add(TraceContext.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            acks.add(tracing.send(traceparent, () -> kafka.send(record)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new OutboxRelayException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    public long backlog() {
        refreshBacklog();
        return backlog.get();
    }

    private void run() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                int sent = relayBatch();
                backoff = properties.pollInterval();
                maybeRefreshBacklog();
                if (sent < properties.batchSize()) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                try {
                    wakeUps.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                maybeRefreshBacklog();
            }
        }
    }

    private void maybeRefreshBacklog() {
        long now = System.nanoTime();
        if (now - lastBacklogCheck > properties.backlogRefresh().toNanos()) {
            lastBacklogCheck = now;
            try {
                refreshBacklog();
            } catch (RuntimeException e) {
                log.debug("Could not count the outbox backlog: {}", e.getMessage());
            }
        }
    }

    private void refreshBacklog() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox_messages", Long.class);
        backlog.set(count == null ? 0 : count);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.relayEnabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wakeUp();
            worker.interrupt();
            try {
                worker.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // stop after the listeners (which may still write to the outbox) and before the producer is closed
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private record Row(long id, String topic, String key, String payload) {}
}
