package com.agentfactory.ad.allocation;

import com.agentfactory.messaging.error.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads back the changes {@link BudgetAllocations} stored, grouped into rounds, with each campaign's name and
 * currency. The changes are written with JDBC, so they are read that way too.
 */
@Service
class AllocationHistory {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final int MAX_ROUNDS = 500;

    // the newest rounds of the window first, to keep MAX_ROUNDS of them; then all their changes, oldest round first
    private static final String ROUNDS = """
            WITH rounds AS (
                SELECT c.round_id, a.currency, min(c.occurred_at) AS round_at
                  FROM ad_allocation_changes c JOIN ad_campaigns a ON a.id = c.campaign_id
                 WHERE c.occurred_at >= ? AND c.occurred_at < ? AND (CAST(? AS VARCHAR) IS NULL OR a.currency = ?)
                 GROUP BY c.round_id, a.currency
                 ORDER BY round_at DESC, c.round_id DESC, a.currency DESC
                 LIMIT ?)
            SELECT r.round_id, r.currency, r.round_at, c.actor, c.campaign_id, a.name,
                   c.previous_budget, c.allocated_budget, c.sampled_score, c.reason
              FROM rounds r
              JOIN ad_allocation_changes c ON c.round_id = r.round_id
              JOIN ad_campaigns a ON a.id = c.campaign_id AND a.currency = r.currency
             WHERE c.occurred_at >= ? AND c.occurred_at < ?
             ORDER BY r.round_at, r.round_id, r.currency, c.occurred_at, c.id
            """;

    private static final RowMapper<ChangeRow> CHANGE = (row, n) -> new ChangeRow(
            row.getObject("round_id", UUID.class),
            row.getString("currency"),
            row.getTimestamp("round_at").toInstant(),
            row.getString("actor"),
            new AllocationHistoryResponse.AllocationChange(
                    row.getObject("campaign_id", UUID.class),
                    row.getString("name"),
                    row.getBigDecimal("previous_budget"),
                    row.getBigDecimal("allocated_budget"),
                    row.getDouble("sampled_score"),
                    row.getString("reason")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AllocationHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The rounds in [from, to), at most the newest {@value #MAX_ROUNDS}; {@code to} defaults to now and {@code from}
     * to 30 days before {@code to}.
     *
     * <p>{@code from} and {@code to} are within {@link com.agentfactory.messaging.time.YearRange#RECORDS}: the
     * controller refuses others, which PostgreSQL could not compare.
     *
     * @param currency only the campaigns in this currency; null: every currency
     * @throws InvalidInputException (400) when {@code from} is not before {@code to}
     */
    @Transactional(readOnly = true)
    AllocationHistoryResponse rounds(Instant from, Instant to, String currency) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        if (!start.isBefore(end)) {
            throw InvalidInputException.of("from", "must be before to");
        }
        Timestamp startAt = Timestamp.from(start);
        Timestamp endAt = Timestamp.from(end);
        List<ChangeRow> changes =
                jdbc.query(ROUNDS, CHANGE, startAt, endAt, currency, currency, MAX_ROUNDS, startAt, endAt);
        Map<RoundKey, List<ChangeRow>> byRound = new LinkedHashMap<>();
        for (ChangeRow change : changes) {
            byRound.computeIfAbsent(new RoundKey(change.roundId(), change.currency()), key -> new ArrayList<>())
                    .add(change);
        }
        List<AllocationHistoryResponse.AllocationRound> rounds = new ArrayList<>();
        for (List<ChangeRow> round : byRound.values()) {
            ChangeRow first = round.getFirst();
            rounds.add(new AllocationHistoryResponse.AllocationRound(
                    first.roundId(),
                    first.roundAt(),
                    first.actor(),
                    first.currency(),
                    round.stream().map(ChangeRow::change).toList()));
        }
        return new AllocationHistoryResponse(start, end, rounds);
    }

    private record ChangeRow(
            UUID roundId,
            String currency,
            Instant roundAt,
            String actor,
            AllocationHistoryResponse.AllocationChange change) {}

    /** A round is shown once per currency it reallocated. */
    private record RoundKey(UUID roundId, String currency) {}
}
