package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class BidApiIT extends AdIntegrationTest {

    @Test
    void refusesARequestWithoutAValidExchangeKey() {
        assertThat(exchange("/api/v1/ads/openrtb/bid", bidRequest(300, "BE", "EUR"), null)
                        .status())
                .isEqualTo(401);
        assertThat(exchange("/api/v1/ads/openrtb/bid", bidRequest(300, "BE", "EUR"), "wrong")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void rejectsMalformedJsonAndABidRequestWithoutImpressions() {
        Api.Response malformed = exchange("/api/v1/ads/openrtb/bid", "{\"id\": ", EXCHANGE_KEY);
        Api.Response noImp = exchange("/api/v1/ads/openrtb/bid", Map.of("id", "r1", "imp", List.of()), EXCHANGE_KEY);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(noImp.status()).isEqualTo(400);
        assertThat(noImp.body().toString()).contains("imp");
    }

    @Test
    void answersNoBidWhenNoCampaignFitsTheImpression() {
        Api.Response noBid = exchange("/api/v1/ads/openrtb/bid", bidRequest(999, "ZZ", "JPY"), EXCHANGE_KEY);

        assertThat(noBid.status()).isEqualTo(204);
    }

    @Test
    void bidsForAFundedCampaignAndChargesTheWinOnce() throws Exception {
        String region = "T" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Bidder", region));
        seedAllowance(id, "50.00");

        Api.Response bid = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> exchange("/api/v1/ads/openrtb/bid", bidRequest(300, region, "EUR"), EXCHANGE_KEY),
                        response -> response.status() == 200
                                && response.body()
                                        .path("seatbid")
                                        .get(0)
                                        .path("bid")
                                        .get(0)
                                        .path("cid")
                                        .asString()
                                        .equals(id));
        var placed = bid.body().path("seatbid").get(0).path("bid").get(0);
        assertThat(placed.path("price").asDouble()).isPositive();
        assertThat(bid.text("/cur")).isEqualTo("EUR");

        Map<String, Object> win = Map.of(
                "bid_id",
                placed.path("id").asString(),
                "campaign_id",
                id,
                "creative_id",
                placed.path("crid").asString(),
                "price",
                2.0);
        assertThat(exchange("/api/v1/ads/openrtb/win", win, EXCHANGE_KEY).text("/recorded"))
                .isEqualTo("true");
        assertThat(exchange("/api/v1/ads/openrtb/win", win, EXCHANGE_KEY).text("/recorded"))
                .isEqualTo("false");
        assertThat(exchange(
                                "/api/v1/ads/openrtb/click",
                                Map.of("bid_id", placed.path("id").asString()),
                                EXCHANGE_KEY)
                        .status())
                .isEqualTo(200);

        Api.Response metrics = api.get("/api/v1/ads/campaigns/" + id + "/metrics");
        assertThat(metrics.body().path("impressions").asLong()).isEqualTo(1);
        assertThat(metrics.body().path("clicks").asLong()).isEqualTo(1);
        assertThat(metrics.body().path("ctr").asDouble()).isEqualTo(1.0);
        assertThat(jdbc.queryForObject(
                        "SELECT spent FROM ad_spend_allowances WHERE campaign_id = ?::uuid", String.class, id))
                .isEqualTo("0.002000");

        String prometheus = prometheus();
        assertThat(prometheus)
                .contains(
                        "ad_bid_requests_total",
                        "ad_bids_total",
                        "ad_wins_total",
                        "ad_win_rate",
                        "ad_spend_total{currency=\"EUR\"",
                        "ad_clicks_total",
                        "ad_pctr_expected_clicks_total",
                        "ad_pctr_observed_clicks_total",
                        "ad_pctr_calibration");
        String adLines = prometheus
                .lines()
                .filter(line -> line.startsWith("ad_"))
                .toList()
                .toString();
        assertThat(metricValue(prometheus, "ad_wins_total")).as(adLines).isPositive();
        assertThat(metricValue(prometheus, "ad_pctr_expected_clicks_total"))
                .as(adLines)
                .isPositive();
        assertThat(metricValue(prometheus, "ad_pctr_observed_clicks_total"))
                .as(adLines)
                .isPositive();
    }

    @LocalServerPort
    int serverPort;

    private String prometheus() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + serverPort + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    /** The value of a metric line without labels, or of its first labelled line. */
    private static double metricValue(String exposition, String name) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twoHundredConcurrentWinsNeverSpendMoreThanTheAllowanceForOneHundred() throws Exception {
        String id = activeCampaign(campaign("Concurrent"));
        String creative = api.get("/api/v1/ads/campaigns/" + id)
                .body()
                .path("ad_groups")
                .get(0)
                .path("creatives")
                .get(0)
                .path("id")
                .asString();
        seedAllowance(id, "1.00"); // 100 wins at 10 CPM = 0.01 each
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                Map<String, Object> win = Map.of(
                        "bid_id", "win-" + UUID.randomUUID(), "campaign_id", id, "creative_id", creative, "price", 10);
                statuses.add(executor.submit(() -> {
                    start.await();
                    return exchange("/api/v1/ads/openrtb/win", win, EXCHANGE_KEY)
                            .status();
                }));
            }
            start.countDown();
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        assertThat(answered).filteredOn(s -> s == 200).hasSize(100);
        assertThat(answered).filteredOn(s -> s == 409).hasSize(100);
        assertThat(jdbc.queryForObject(
                        "SELECT spent FROM ad_spend_allowances WHERE campaign_id = ?::uuid", String.class, id))
                .isEqualTo("1.000000");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM ad_impressions WHERE campaign_id = ?::uuid", Integer.class, id))
                .isEqualTo(100);
    }
}
