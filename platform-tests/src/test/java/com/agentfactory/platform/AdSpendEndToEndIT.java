package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ad agent's money on the running platform against the real finance service: an active campaign's daily
 * allowance is reserved from the marketing budget before anything is bid, a won impression is spent from it, and
 * pausing the campaign books exactly what was spent as an expense and gives the rest back.
 */
class AdSpendEndToEndIT extends AsAdminOnThePlatform {

    // the run's exchange key; the ad agent holds only its SHA-256
    private static final String EXCHANGE_KEY = RunningPlatform.EXCHANGE_KEY;

    @Test
    void anActiveCampaignSpendsOnlyWhatFinanceReservedAndPausingBooksTheExactSpend() {
        String budget = gateway("/api/v1/financial/budgets/marketing");
        Http.put(
                budget,
                adminToken,
                Map.of(
                        "fiscal_period",
                        YearMonth.now(ZoneOffset.UTC).toString(),
                        "allocated_amount",
                        "5000.00",
                        "currency",
                        "GBP"));
        BigDecimal committedBefore = Http.get(budget, adminToken).decimal("/committed_amount");
        BigDecimal spentBefore = Http.get(budget, adminToken).decimal("/spent_amount");
        String region = "GB";

        // a freshly started ad agent may answer its first write after the gateway's 2 s route timeout (504); a
        // campaign created by such an attempt stays a draft and never bids, so the test simply asks again
        Http.Reply created = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Http.post(
                                gateway("/api/v1/ads/campaigns"),
                                adminToken,
                                Map.of(
                                        "name",
                                        "End-to-end lanterns",
                                        "platform",
                                        "GOOGLE_ADS",
                                        "daily_budget",
                                        new BigDecimal("100.00"),
                                        "total_budget",
                                        new BigDecimal("1000.00"),
                                        "currency",
                                        "GBP",
                                        "value_per_conversion",
                                        new BigDecimal("40.00"),
                                        "ad_groups",
                                        List.of(Map.of(
                                                "name",
                                                "UK",
                                                "regions",
                                                List.of(region),
                                                "creatives",
                                                List.of(Map.of(
                                                        "name",
                                                        "Warm glow",
                                                        "width",
                                                        300,
                                                        "height",
                                                        250,
                                                        "landing_domain",
                                                        "shop.example")))))),
                        reply -> reply.status() == 201);
        String campaign = created.text("/id");
        String path = gateway("/api/v1/ads/campaigns/" + campaign);
        assertThat(Http.post(path + "/activate", adminToken, Map.of("reason", "end-to-end test"))
                        .status())
                .isEqualTo(200);

        // a tranche of the daily budget is set aside in finance before the first bid
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.get(budget, adminToken).decimal("/committed_amount"))
                        .isGreaterThan(committedBefore));
        Http.Reply bid = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Http.post(
                                exchange("/api/v1/ads/openrtb/bid"),
                                null,
                                bidRequest(region),
                                Map.of("X-Exchange-Key", EXCHANGE_KEY)),
                        reply -> reply.status() == 200
                                && reply.text("/seatbid/0/bid/0/cid").equals(campaign));
        // the exchange calls the bid's own win notice URL, whose signed token names the bid it may charge
        URI nurl = URI.create(bid.text("/seatbid/0/bid/0/nurl"));
        Http.Reply win = Http.post(
                exchange(nurl.getRawPath() + "?" + nurl.getRawQuery()),
                null,
                Map.of(
                        "bid_id",
                        bid.text("/seatbid/0/bid/0/id"),
                        "campaign_id",
                        campaign,
                        "creative_id",
                        bid.text("/seatbid/0/bid/0/crid"),
                        "price",
                        2.0),
                Map.of("X-Exchange-Key", EXCHANGE_KEY));
        assertThat(win.status()).isEqualTo(200);

        assertThat(Http.post(path + "/pause", adminToken, Map.of("reason", "end of test"))
                        .status())
                .isEqualTo(200);

        // 2.00 CPM for one impression costs 0.002, booked rounded up to the cent; the rest goes back
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Reply after = Http.get(budget, adminToken);
            assertThat(after.decimal("/spent_amount")).isEqualByComparingTo(spentBefore.add(new BigDecimal("0.01")));
            assertThat(after.decimal("/committed_amount")).isEqualByComparingTo(committedBefore);
        });
    }

    private static Map<String, Object> bidRequest(String region) {
        return Map.of(
                "id", "e2e-" + UUID.randomUUID(),
                "imp",
                        List.of(Map.of(
                                "id",
                                "1",
                                "banner",
                                Map.of("w", 300, "h", 250),
                                "bidfloor",
                                0.01,
                                "bidfloorcur",
                                "GBP")),
                "site", Map.of("domain", "news.example"),
                "device", Map.of("ua", "Mozilla/5.0", "geo", Map.of("region", region)));
    }

    private static String exchange(String path) {
        return platform.ad.baseUrl() + path;
    }
}
