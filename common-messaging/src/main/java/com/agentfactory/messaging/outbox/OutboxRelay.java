package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
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
 *
 * <p>A row Kafka refuses for good would fail its batch on every attempt and so hold back every message
 * written after it. Such a row is moved to {@code outbox_dead_letters} in the transaction that deletes the
 * rows that went out, counted in {@code outbox.dead_lettered} and logged (id, topic, reason; the payload
 * may be large or personal, so it stays in the table, until its retention or the erasure of a customer it names: see
 * {@link OutboxDeadLetters}). Only refusals about the record itself count as for
 * good (REFUSALS_OF_THE_RECORD): a fenced producer, a failed authentication or a missing permission
 * is not the record's fault, and would otherwise move every healthy message of the service aside. Any
 * other failure rolls the whole batch back as before, a refused row included, so while Kafka is away
 * nothing is dead-lettered for a failure that a later attempt could get past.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH =
            "SELECT id, message_id, topic, message_key, payload, created_at FROM outbox_messages"
                    + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String INSERT_DEAD_LETTER = "INSERT INTO outbox_dead_letters"
            + " (message_id, topic, message_key, payload, error, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    // Kafka's refusals that are about the record (its size, its topic's name, its content): sending it again
    // cannot succeed, whatever the state of the broker or the producer
    private static final List<Class<? extends Throwable>> REFUSALS_OF_THE_RECORD = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            InvalidRecordException.class,
            SerializationException.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final MeterRegistry meters;
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
        this.meters = meters;
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
        return relayOnce().sent();
    }

    private Outcome relayOnce() {
        Outcome outcome = transactions.execute(status -> {
            List<Row> rows = jdbc.query(
                    SELECT_BATCH,
                    (rs, i) -> new Row(
                            rs.getLong("id"),
                            rs.getObject("message_id", UUID.class),
                            rs.getString("topic"),
                            rs.getString("message_key"),
                            rs.getString("payload"),
                            rs.getObject("created_at", OffsetDateTime.class)),
                    properties.batchSize());
            if (rows.isEmpty()) {
                return Outcome.NOTHING;
            }
            List<Refusal> refusals = sendAll(rows);
            deadLetter(refusals);
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("DELETE FROM outbox_messages WHERE id = ANY (?)");
                statement.setArray(1, connection.createArrayOf("bigint", ids));
                return statement;
            });
            return new Outcome(rows.size(), rows.size() - refusals.size(), refusals);
        });
        if (outcome == null) {
            return Outcome.NOTHING;
        }
        published.increment(outcome.sent());
        // only once committed: a rolled-back batch dead-lettered nothing
        for (Refusal refusal : outcome.refusals()) {
            Row row = refusal.row();
            Counter.builder("outbox.dead_lettered")
                    .description("Outbox messages Kafka refused for good, moved to outbox_dead_letters")
                    .tag("topic", row.topic())
                    .register(meters)
                    .increment();
            log.error(
                    "Outbox message {} for topic {} moved to outbox_dead_letters, Kafka refused it for good: {}",
                    row.messageId(),
                    row.topic(),
                    refusal.reason());
        }
        return outcome;
    }

    /**
     * Sends every row and waits for the acknowledgements; returns the rows Kafka refused for good. Throws if any
     * send failed otherwise, so the batch rolls back whole.
     */
    private List<Refusal> sendAll(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            // the trace the message was written in, stored with it in its envelope; a tracer's producer observation
            // replaces this header with one of its own span in the same trace
            String traceparent = TraceContext.traceparentOfEnvelopeJson(row.payload());
            if (traceparent != null) {
                record.headers().add(TraceContext.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            try {
                acks.add(tracing.send(traceparent, () -> kafka.send(record)));
            } catch (RuntimeException e) {
                // the template throws at once when the producer failed the send before it left (a record too
                // large, or no metadata within max.block.ms because the broker is away); on the latter stop here,
                // instead of waiting out max.block.ms for every further row
                if (refusalOfTheRecord(e) == null) {
                    throw new OutboxRelayException("Kafka did not take the batch: " + reasonOf(e), e);
                }
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while waiting for Kafka", e);
            } catch (TimeoutException e) {
                throw new OutboxRelayException(
                        "Kafka did not acknowledge the batch within " + properties.sendTimeout(), e);
            } catch (ExecutionException e) {
                Throwable refusal = refusalOfTheRecord(e.getCause());
                if (refusal == null) {
                    throw new OutboxRelayException(
                            "Kafka did not acknowledge the batch: " + reasonOf(e.getCause()), e.getCause());
                }
                refusals.add(new Refusal(rows.get(i), refusal.getClass().getName() + ": " + refusal.getMessage()));
            }
        }
        return refusals;
    }

    /**
     * The refusal of the record itself in the failure's causes (the template and the futures wrap Kafka's
     * exception), or null when the failure is anything else: retriable (a timeout, no leader, the broker away) or
     * about the producer, the connection or permissions, which a later attempt or an operator can fix.
     */
    private static Throwable refusalOfTheRecord(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return null;
            }
            for (Class<? extends Throwable> refusal : REFUSALS_OF_THE_RECORD) {
                if (refusal.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }

    // the template's own exception says only "Send failed"; Kafka's innermost cause says why
    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 16; depth++) {
            root = root.getCause();
        }
        return root == failure ? failure.getMessage() : failure.getMessage() + ": " + root.getMessage();
    }

    private void deadLetter(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_DEAD_LETTER, refusals, refusals.size(), (statement, refusal) -> {
            Row row = refusal.row();
            statement.setObject(1, row.messageId());
            statement.setString(2, row.topic());
            statement.setString(3, row.key());
            statement.setString(4, row.payload());
            statement.setString(5, refusal.reason());
            statement.setObject(6, row.createdAt());
        });
    }

    public long backlog() {
        refreshBacklog();
        return backlog.get();
    }

    private void run() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                Outcome outcome = relayOnce();
                backoff = properties.pollInterval();
                maybeRefreshBacklog();
                // a full batch (dead-lettered rows included) means more may be waiting
                if (outcome.taken() < properties.batchSize()) {
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

    private record Row(long id, UUID messageId, String topic, String key, String payload, OffsetDateTime createdAt) {}

    private record Refusal(Row row, String reason) {}

    private record Outcome(int taken, int sent, List<Refusal> refusals) {
        static final Outcome NOTHING = new Outcome(0, 0, List.of());
    }
}
