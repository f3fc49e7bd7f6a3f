package com.agentfactory.platform;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts, end to end, the effects of what a {@link SteadyLoad} got accepted that were lost or happened twice, from
 * each service's own tables (JDBC on the platform's PostgreSQL) and, for task completions, from agent.events:
 * <ul>
 *   <li>every accepted task completed exactly once (COMPLETED in the supervisor, one completion reported by the
 *       agent, one COMPLETED transition);
 *   <li>one revenue transaction in the finance ledger per accepted order;
 *   <li>one budget reservation in finance per reservation request (Idempotency-Key), and the budget's committed
 *       amount moved by exactly their sum;
 *   <li>one recommendation interaction per accepted product view and per accepted order;
 *   <li>one stock movement per accepted order: the SKU's units on hand went down by exactly the orders' units;
 *   <li>one campaign send per journey step for every accepted enrolment, and each send's e-mail received once by the
 *       SMTP server (by its {@code X-Campaign-Send-Id}).
 * </ul>
 * Lost effects are waited for (they may still be on their way); duplicates are counted once everything arrived.
 */
final class EffectsChecker {

    private final RunningPlatform platform;

    EffectsChecker(RunningPlatform platform) {
        this.platform = platform;
    }

    /** One kind of effect: how many were expected, how many are missing and how many happened more than once. */
    record Effect(String name, long expected, long lost, long duplicated) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "%-38s expected %6d  lost %4d  duplicated %4d", name, expected, lost, duplicated);
        }
    }

    record Counts(List<Effect> effects) {
        long lost() {
            return effects.stream().mapToLong(Effect::lost).sum();
        }

        long duplicated() {
            return effects.stream().mapToLong(Effect::duplicated).sum();
        }

        String report() {
            StringBuilder text = new StringBuilder();
            effects.forEach(effect -> text.append(effect).append('\n'));
            return text.append(String.format(Locale.ROOT, "TOTAL lost %d, duplicated %d", lost(), duplicated()))
                    .toString();
        }
    }

    /** Waits up to {@code settle} for lost effects to arrive, then counts. */
    Counts check(SteadyLoad load, Duration settle) {
        try {
            await().atMost(settle)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> databaseCounts(load).lost() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillLost) {
            // counted below: what is still missing after the settle time is lost
        }
        Counts fromTables = databaseCounts(load);
        List<Effect> effects = new ArrayList<>(fromTables.effects());
        effects.add(reportedCompletions(load.acceptedTasks));
        return new Counts(effects);
    }

    private Counts databaseCounts(SteadyLoad load) {
        try (Connection db = DriverManager.getConnection(
                platform.infrastructure.jdbcUrl(),
                platform.infrastructure.databaseUser(),
                platform.infrastructure.databasePassword())) {
            List<UUID> tasks = load.acceptedTasks.stream().map(UUID::fromString).toList();
            List<UUID> orderIds = List.copyOf(load.acceptedOrders.keySet());
            List<UUID> orderEvents = List.copyOf(load.acceptedOrders.values());
            List<String> reservations = List.copyOf(load.acceptedReservations);
            return new Counts(List.of(
                    perKey(
                            "tasks completed",
                            tasks,
                            countPer(
                                    db,
                                    "SELECT id, count(*) FROM supervisor.tasks WHERE status = 'COMPLETED'"
                                            + " AND id = ANY(?) GROUP BY id",
                                    tasks,
                                    UUID.class)),
                    perKey(
                            "task COMPLETED transitions",
                            tasks,
                            countPer(
                                    db,
                                    "SELECT task_id, count(*) FROM supervisor.task_transitions"
                                            + " WHERE to_status = 'COMPLETED' AND task_id = ANY(?) GROUP BY task_id",
                                    tasks,
                                    UUID.class)),
                    perKey(
                            "ledger revenue transactions per order",
                            orderIds,
                            countPer(
                                    db,
                                    "SELECT order_id, count(*) FROM finance.financial_transactions"
                                            + " WHERE transaction_type = 'revenue' AND order_id = ANY(?) GROUP BY order_id",
                                    orderIds,
                                    UUID.class)),
                    perKey(
                            "budget reservations per request",
                            reservations,
                            countPer(
                                    db,
                                    "SELECT idempotency_key, count(*) FROM finance.budget_reservations"
                                            + " WHERE idempotency_key = ANY(?) GROUP BY idempotency_key",
                                    reservations,
                                    String.class)),
                    committedBudget(db, load),
                    perKey(
                            "recommendation interactions per view",
                            List.copyOf(load.acceptedViews),
                            countPer(
                                    db,
                                    "SELECT event_id, count(*) FROM recommendation.interactions"
                                            + " WHERE event_id = ANY(?) GROUP BY event_id",
                                    List.copyOf(load.acceptedViews),
                                    UUID.class)),
                    perKey(
                            "recommendation interactions per order",
                            orderEvents,
                            countPer(
                                    db,
                                    "SELECT event_id, count(*) FROM recommendation.interactions"
                                            + " WHERE event_id = ANY(?) GROUP BY event_id",
                                    orderEvents,
                                    UUID.class)),
                    stockMovements(db, load),
                    campaignSends(db, load),
                    campaignEmails(db, load)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the services' tables: " + e.getMessage(), e);
        }
    }

    private static <K> Effect perKey(String name, Collection<K> expected, Map<K, Long> found) {
        long lost = expected.stream()
                .filter(key -> found.getOrDefault(key, 0L) == 0)
                .count();
        long duplicated =
                found.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        return new Effect(name, expected.size(), lost, duplicated);
    }

    private static <K> Map<K, Long> countPer(Connection db, String sql, List<K> keys, Class<K> type)
            throws SQLException {
        Map<K, Long> counts = new HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        try (var statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf(type == UUID.class ? "uuid" : "text", keys.toArray()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, type), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The budget's committed money is the reservations' sum: a lost or doubled reservation moves it. */
    private static Effect committedBudget(Connection db, SteadyLoad load) throws SQLException {
        try (var statement = db.prepareStatement("SELECT committed_amount + spent_amount FROM finance.budgets"
                + " WHERE department = ? AND fiscal_period = ?")) {
            statement.setString(1, load.department);
            statement.setString(2, load.fiscalPeriod);
            try (var rows = statement.executeQuery()) {
                BigDecimal used = rows.next() ? rows.getBigDecimal(1) : BigDecimal.ZERO;
                long units = used.divide(load.reservationAmount).longValueExact();
                long expected = load.acceptedReservations.size();
                return new Effect(
                        "budget money reserved (in requests)",
                        expected,
                        Math.max(0, expected - units),
                        Math.max(0, units - expected));
            }
        }
    }

    /** Each order takes one unit of the run's SKU: units missing from the count were taken twice. */
    private static Effect stockMovements(Connection db, SteadyLoad load) throws SQLException {
        try (var statement = db.prepareStatement(
                "SELECT coalesce(sum(on_hand), 0), coalesce(sum(backordered), 0) FROM inventory.stock_levels"
                        + " WHERE sku = ?")) {
            statement.setString(1, load.sku);
            try (var rows = statement.executeQuery()) {
                rows.next();
                long taken = load.initialStock - rows.getLong(1) + rows.getLong(2);
                long expected = load.acceptedOrders.size();
                return new Effect(
                        "stock movements (units) per order",
                        expected,
                        Math.max(0, expected - taken),
                        Math.max(0, taken - expected));
            }
        }
    }

    /**
     * Sends of the run's journey per customer and e-mail step: lost when no send of the step went out, duplicated
     * for every further send row of the same step (whatever its state).
     */
    private static Effect campaignSends(Connection db, SteadyLoad load) throws SQLException {
        List<String> expected = new ArrayList<>();
        load.acceptedEnrolments.forEach(
                customer -> SteadyLoad.JOURNEY_EMAIL_STEPS.forEach(step -> expected.add(customer + "/" + step)));
        Map<String, Long> sent = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        try (var statement = db.prepareStatement("SELECT customer_id::text || '/' || step_id, count(*),"
                + " count(*) FILTER (WHERE status = 'sent') FROM campaign.sends WHERE journey_id = ?"
                + " GROUP BY customer_id, step_id")) {
            statement.setObject(1, load.journeyId);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                    sent.put(result.getString(1), result.getLong(3));
                }
            }
        }
        long lost =
                expected.stream().filter(key -> sent.getOrDefault(key, 0L) == 0).count();
        long duplicated =
                rows.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        return new Effect("campaign sends per journey step", expected.size(), lost, duplicated);
    }

    /**
     * The e-mails the SMTP server received for the run's sends: lost when a send marked sent never arrived,
     * duplicated for every further copy of one send (a kill between the server's acceptance and the commit that
     * marks the send sent delivers it again, with the same send id).
     */
    private Effect campaignEmails(Connection db, SteadyLoad load) throws SQLException {
        List<UUID> sentIds = new ArrayList<>();
        try (var statement =
                db.prepareStatement("SELECT id FROM campaign.sends WHERE journey_id = ? AND status = 'sent'")) {
            statement.setObject(1, load.journeyId);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    sentIds.add(result.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, Long> received = new HashMap<>();
        String domain = "@" + load.mailDomain;
        for (var message : platform.infrastructure.smtp().receivedMessages()) {
            try {
                var to = message.getRecipients(jakarta.mail.Message.RecipientType.TO);
                String[] sendId = message.getHeader("X-Campaign-Send-Id");
                if (to != null && sendId != null && to[0].toString().endsWith(domain)) {
                    received.merge(UUID.fromString(sendId[0]), 1L, Long::sum);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("a received message is unreadable", e);
            }
        }
        return perKey("campaign e-mails received per send", sentIds, received);
    }

    /** Distinct COMPLETED reports per task on agent.events: an agent running a task twice reports it twice. */
    private Effect reportedCompletions(Set<String> taskIds) {
        var codec = new EnvelopeCodec();
        Map<UUID, Set<UUID>> completions = new HashMap<>();
        Set<UUID> expected = new HashSet<>();
        taskIds.forEach(id -> expected.add(UUID.fromString(id)));
        try (var consumer = TestKafka.consumerFromBeginning(
                platform.infrastructure.kafkaBootstrapServers(), "fault-audit-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(Topics.AGENT_EVENTS));
            long deadline = System.currentTimeMillis() + 120_000;
            long allSeenAt = 0;
            // read on for a few seconds after every task was seen: a duplicate completion comes after the first
            while (System.currentTimeMillis() < deadline
                    && (allSeenAt == 0 || System.currentTimeMillis() < allSeenAt + 5_000)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var envelope = codec.decode(record.value());
                    if (envelope.action().equals(ReportedTaskStatus.COMPLETED.action())) {
                        var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                        if (expected.contains(change.taskId())) {
                            completions
                                    .computeIfAbsent(change.taskId(), id -> new HashSet<>())
                                    .add(envelope.messageId());
                        }
                    }
                }
                if (allSeenAt == 0 && completions.size() == expected.size()) {
                    allSeenAt = System.currentTimeMillis();
                }
            }
        }
        Map<UUID, Long> counts = new LinkedHashMap<>();
        completions.forEach((task, messages) -> counts.put(task, (long) messages.size()));
        return perKey("task completions reported by agents", expected, counts);
    }
}
