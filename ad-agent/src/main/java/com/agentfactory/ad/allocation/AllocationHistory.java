package com.agentfactory.ad.allocation;

import com.agentfactory.messaging.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * currency, and each campaign's allocated daily budget over the whole window as a series of steps. The changes are
 * written with JDBC, so they are read that way too.
 */
@Service
class AllocationHistory {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /**
     * The longest window answered: the series reads every change in it, some 8,640 per campaign in 30 days, and the
     * dashboard asks for it on every load; its longest period is 90 days, and a year with room to compare fits.
     */
    static final Duration MAX_WINDOW = Duration.ofDays(400);

    static final int MAX_ROUNDS = 500;

    /**
     * The most steps a window is cut into for the series: a round every 5 minutes is 8,640 rounds in 30 days, far
     * more than a chart draws or {@value #MAX_ROUNDS} rounds hold.
     */
    static final int MAX_STEPS = 750;

    /** The steps a series is drawn in, finest first: the finest that cuts the window into at most MAX_STEPS. */
    private static final List<Duration> STEPS = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(6),
            Duration.ofHours(12),
            Duration.ofDays(1),
            Duration.ofDays(7));

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

    // per campaign and step (counted from the epoch, so a day's step starts at midnight UTC) the step's last change,
    // in one pass over the window's changes; date_bin, as dividing the epoch in numeric costs more than the sort. And
    // the budget the campaign had before the window, the previous budget of its first change in it, read once per
    // campaign through an index, not from a second pass
    private static final String SERIES = """
            WITH steps AS (
                SELECT c.campaign_id,
                       date_bin(? * INTERVAL '1 second', c.occurred_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS step,
                       (array_agg(c.allocated_budget ORDER BY c.occurred_at DESC, c.id DESC))[1] AS allocated_budget
                  FROM ad_allocation_changes c JOIN ad_campaigns a ON a.id = c.campaign_id
                 WHERE c.occurred_at >= ? AND c.occurred_at < ? AND (CAST(? AS VARCHAR) IS NULL OR a.currency = ?)
                 GROUP BY c.campaign_id, step),
            campaigns AS (
                SELECT a.id, a.name, a.currency, first_change.previous_budget AS before_window
                  FROM (SELECT DISTINCT campaign_id FROM steps) s
                  JOIN ad_campaigns a ON a.id = s.campaign_id
                 CROSS JOIN LATERAL (
                        SELECT f.previous_budget
                          FROM ad_allocation_changes f
                         WHERE f.campaign_id = s.campaign_id AND f.occurred_at >= ? AND f.occurred_at < ?
                         ORDER BY f.occurred_at, f.id
                         LIMIT 1) first_change)
            SELECT k.id AS campaign_id, k.name, k.currency, s.step AS step_start, s.allocated_budget, k.before_window
              FROM steps s JOIN campaigns k ON k.id = s.campaign_id
             ORDER BY s.campaign_id, s.step
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
     * The rounds in [from, to), at most the newest {@value #MAX_ROUNDS}, and each campaign's allocated daily budget
     * over the whole window in at most {@value #MAX_STEPS} steps; {@code to} defaults to now and {@code from} to 30
     * days before {@code to}.
     *
     * <p>{@code from} and {@code to} are within {@link com.agentfactory.messaging.time.YearRange#RECORDS}: the
     * controller refuses others, which PostgreSQL could not compare.
     *
     * @param currency only the campaigns in this currency; null: every currency
     * @throws InvalidInputException (400) when {@code from} is not before {@code to}, or more than {@link
     *     #MAX_WINDOW} before it
     */
    @Transactional(readOnly = true)
    AllocationHistoryResponse rounds(Instant from, Instant to, String currency) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from;
        if (!start.isBefore(end)) {
            throw InvalidInputException.of("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw InvalidInputException.of("from", "must be at most " + MAX_WINDOW.toDays() + " days before to");
        }
        Timestamp startAt = Timestamp.from(start);
        Timestamp endAt = Timestamp.from(end);
        // one round more than answered tells whether the window had more
        List<ChangeRow> changes =
                jdbc.query(ROUNDS, CHANGE, startAt, endAt, currency, currency, MAX_ROUNDS + 1, startAt, endAt);
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
        boolean truncated = rounds.size() > MAX_ROUNDS;
        if (truncated) {
            rounds.removeFirst();
        }
        return new AllocationHistoryResponse(start, end, rounds, truncated, series(start, end, currency));
    }

    private AllocationHistoryResponse.AllocationSeries series(Instant start, Instant end, String currency) {
        Duration step = step(Duration.between(start, end));
        Map<UUID, SeriesBuilder> byCampaign = new LinkedHashMap<>();
        jdbc.query(
                SERIES,
                row -> {
                    UUID campaignId = row.getObject("campaign_id", UUID.class);
                    SeriesBuilder campaign = byCampaign.get(campaignId);
                    if (campaign == null) {
                        campaign = new SeriesBuilder(
                                campaignId,
                                row.getString("name"),
                                row.getString("currency"),
                                row.getBigDecimal("before_window"));
                        byCampaign.put(campaignId, campaign);
                    }
                    // the budget as the step's last change left it, so as it stood when the step ended
                    Instant stepEnd = row.getTimestamp("step_start").toInstant().plus(step);
                    campaign.points.add(new AllocationHistoryResponse.SeriesPoint(
                            stepEnd.isBefore(end) ? stepEnd : end, row.getBigDecimal("allocated_budget")));
                },
                step.toSeconds(),
                Timestamp.from(start),
                Timestamp.from(end),
                currency,
                currency,
                Timestamp.from(start),
                Timestamp.from(end));
        return new AllocationHistoryResponse.AllocationSeries(
                step.toString(),
                byCampaign.values().stream()
                        .map(SeriesBuilder::build)
                        .sorted(Comparator.comparing(AllocationHistoryResponse.CampaignSeries::currency)
                                .thenComparing(AllocationHistoryResponse.CampaignSeries::campaignName)
                                .thenComparing(AllocationHistoryResponse.CampaignSeries::campaignId))
                        .toList());
    }

    /** The finest of {@link #STEPS} that cuts {@code window} into at most {@value #MAX_STEPS}; whole days beyond. */
    static Duration step(Duration window) {
        for (Duration step : STEPS) {
            if (stepsIn(window, step) <= MAX_STEPS) {
                return step;
            }
        }
        return Duration.ofDays(
                Math.ceilDiv(window.toSeconds(), MAX_STEPS * Duration.ofDays(1).toSeconds()));
    }

    private static long stepsIn(Duration window, Duration step) {
        return Math.ceilDiv(window.toSeconds(), step.toSeconds());
    }

    private record SeriesBuilder(
            UUID campaignId,
            String name,
            String currency,
            BigDecimal beforeWindow,
            List<AllocationHistoryResponse.SeriesPoint> points) {

        SeriesBuilder(UUID campaignId, String name, String currency, BigDecimal beforeWindow) {
            this(campaignId, name, currency, beforeWindow, new ArrayList<>());
        }

        AllocationHistoryResponse.CampaignSeries build() {
            return new AllocationHistoryResponse.CampaignSeries(campaignId, name, currency, beforeWindow, points);
        }
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
