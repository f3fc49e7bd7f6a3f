package com.agentfactory.ad.delivery;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Won impressions, once per bid id, and the campaign and creative counters they feed. */
@Repository
public class DeliveryLedger {

    private static final RowMapper<CampaignDelivery> DELIVERY = (rs, n) -> new CampaignDelivery(
            rs.getObject("campaign_id", UUID.class),
            rs.getLong("bids"),
            rs.getLong("eligible"),
            rs.getLong("impressions"),
            rs.getLong("clicks"),
            rs.getLong("conversions"),
            rs.getBigDecimal("spend"),
            rs.getBigDecimal("revenue"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ErasedCustomers erased;

    DeliveryLedger(JdbcTemplate jdbc, Clock clock, ErasedCustomers erased) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.erased = erased;
    }

    /**
     * @param customerId the customer the bid was made for; an erased one is not recorded (see {@link ErasedCustomers})
     * @param exchange the exchange that won the impression: only it may report the impression's click and conversion
     * @return false when this bid id was recorded before (a repeated win notice)
     */
    public boolean recordImpression(
            String bidId,
            UUID campaignId,
            UUID creativeId,
            BigDecimal priceCpm,
            BigDecimal cost,
            UUID customerId,
            String exchange) {
        // the exchange bills the impression, so it is recorded all the same, under no customer
        UUID customer = customerId != null && erased.isErased(customerId) ? null : customerId;
        Instant now = clock.instant();
        int inserted = jdbc.update(
                "INSERT INTO ad_impressions (bid_id, campaign_id, creative_id, price_cpm, cost, customer_id, exchange,"
                        + " won_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                bidId,
                campaignId,
                creativeId,
                priceCpm,
                cost,
                customer,
                exchange,
                Timestamp.from(now));
        if (inserted == 0) {
            return false;
        }
        bump(campaignId, "impressions = d.impressions + 1, spend = d.spend + ?", cost);
        jdbc.update("UPDATE ad_creatives SET impressions = impressions + 1 WHERE id = ?", creativeId);
        return true;
    }

    /** @return the impression clicked, or empty when unknown or clicked before */
    public Optional<Impression> recordClick(String bidId) {
        List<Impression> clicked = jdbc.query(
                "UPDATE ad_impressions SET clicked_at = ? WHERE bid_id = ? AND clicked_at IS NULL"
                        + " RETURNING bid_id, campaign_id, creative_id, customer_id, exchange",
                IMPRESSION,
                Timestamp.from(clock.instant()),
                bidId);
        clicked.forEach(i -> {
            bump(i.campaignId(), "clicks = d.clicks + 1");
            jdbc.update("UPDATE ad_creatives SET clicks = clicks + 1 WHERE id = ?", i.creativeId());
        });
        return clicked.stream().findFirst();
    }

    /**
     * A conversion counts only after a click on the impression, at or after {@code clickedSince}: without one,
     * conversions could outnumber clicks, and a conversion rate above 1 would raise the campaign's bids and budget.
     *
     * @return the impression converted, or empty when unknown, converted before, or not clicked since then
     */
    public Optional<Impression> recordConversion(String bidId, BigDecimal value, Instant clickedSince) {
        List<Impression> converted = jdbc.query(
                "UPDATE ad_impressions SET converted_at = ?, conversion_value = ? WHERE bid_id = ?"
                        + " AND converted_at IS NULL AND clicked_at >= ?"
                        + " RETURNING bid_id, campaign_id, creative_id, customer_id, exchange",
                IMPRESSION,
                Timestamp.from(clock.instant()),
                value,
                bidId,
                Timestamp.from(clickedSince));
        converted.forEach(i -> bump(i.campaignId(), "conversions = d.conversions + 1, revenue = d.revenue + ?", value));
        return converted.stream().findFirst();
    }

    public boolean converted(String bidId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM ad_impressions WHERE bid_id = ? AND converted_at IS NOT NULL)",
                Boolean.class,
                bidId));
    }

    public Optional<Impression> impression(String bidId) {
        return jdbc
                .query(
                        "SELECT bid_id, campaign_id, creative_id, customer_id, exchange FROM ad_impressions"
                                + " WHERE bid_id = ?",
                        IMPRESSION,
                        bidId)
                .stream()
                .findFirst();
    }

    /** Adds what the bid path counted in memory since the last flush. */
    public void addBids(UUID campaignId, long eligible, long bids) {
        bump(campaignId, "eligible = d.eligible + ?, bids = d.bids + ?", eligible, bids);
    }

    public CampaignDelivery of(UUID campaignId) {
        return jdbc.query("SELECT * FROM ad_campaign_delivery WHERE campaign_id = ?", DELIVERY, campaignId).stream()
                .findFirst()
                .orElse(CampaignDelivery.none(campaignId));
    }

    /**
     * Per campaign, how many of its impressions won since {@code since} cleared at each price: index p counts the
     * clearing CPMs in [p, p + 1) x {@code unitCpm}, the last index everything above.
     */
    public Map<UUID, long[]> clearingPrices(Instant since, double unitCpm, int maxUnits) {
        Map<UUID, long[]> histograms = new java.util.HashMap<>();
        jdbc.query(
                "SELECT campaign_id, LEAST(FLOOR(price_cpm / ?), ?)::int AS unit, count(*) AS wins"
                        + " FROM ad_impressions WHERE won_at >= ? GROUP BY campaign_id, unit",
                rs -> {
                    histograms
                                    .computeIfAbsent(
                                            rs.getObject("campaign_id", UUID.class), id -> new long[maxUnits + 1])[
                                    rs.getInt("unit")] +=
                            rs.getLong("wins");
                },
                unitCpm,
                maxUnits,
                Timestamp.from(since));
        return histograms;
    }

    public Map<UUID, CampaignDelivery> all() {
        return jdbc.query("SELECT * FROM ad_campaign_delivery", DELIVERY).stream()
                .collect(Collectors.toMap(CampaignDelivery::campaignId, d -> d));
    }

    private void bump(UUID campaignId, String set, Object... values) {
        Timestamp now = Timestamp.from(clock.instant());
        // the row is created on first use; the update that follows is the one that counts
        jdbc.update(
                "INSERT INTO ad_campaign_delivery (campaign_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                campaignId,
                now);
        Object[] update = new Object[values.length + 2];
        System.arraycopy(values, 0, update, 0, values.length);
        update[values.length] = now;
        update[values.length + 1] = campaignId;
        jdbc.update("UPDATE ad_campaign_delivery d SET " + set + ", updated_at = ? WHERE d.campaign_id = ?", update);
    }

    private static final RowMapper<Impression> IMPRESSION = (rs, n) -> new Impression(
            rs.getString("bid_id"),
            rs.getObject("campaign_id", UUID.class),
            rs.getObject("creative_id", UUID.class),
            rs.getObject("customer_id", UUID.class),
            rs.getString("exchange"));

    /**
     * @param exchange the exchange that won it; null for an impression recorded before exchanges were kept
     */
    public record Impression(String bidId, UUID campaignId, UUID creativeId, UUID customerId, String exchange) {

        /** Whether {@code other} may report on this impression: the exchange that won it, any for an old one. */
        public boolean reportableBy(String other) {
            return exchange == null || exchange.equals(other);
        }
    }
}
