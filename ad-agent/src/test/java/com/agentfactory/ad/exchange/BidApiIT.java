package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

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
        Api.Response nullImp = exchange("/api/v1/ads/openrtb/bid", "{\"id\": \"r1\", \"imp\": [null]}", EXCHANGE_KEY);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(noImp.status()).isEqualTo(400);
        assertThat(noImp.body().toString()).contains("imp");
        assertThat(nullImp.status()).isEqualTo(400);
        assertThat(nullImp.body().toString()).contains("imp");
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

        JsonNode placed = placedBid(region, id);
        assertThat(placed.path("price").asDouble()).isPositive();
        assertThat(placed.path("nurl").asString()).contains("/api/v1/ads/openrtb/win?t=");

        Map<String, Object> win = winNotice(placed, 2.0);
        assertThat(postWin(placed, win).text("/recorded")).isEqualTo("true");
        assertThat(postWin(placed, win).text("/recorded")).isEqualTo("false");
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
        assertThat(spentBy(id)).isEqualTo("0.002000");

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
    void refusesAForgedOrTamperedWinNoticeAndChargesNothing() {
        String region = "F" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Forged wins", region));
        String other = activeCampaign(campaign("Charged by a forger", "X" + region));
        seedAllowance(id, "50.00");
        seedAllowance(other, "50.00");
        JsonNode placed = placedBid(region, id);
        String token = URI.create(placed.path("nurl").asString()).getRawQuery().substring("t=".length());
        String[] parts = token.split("\\.");
        String[] signed = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).split("\n");
        signed[4] = "49.0"; // the bid's price: what the exchange may charge
        String raisedPrice = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", signed).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> notice = winNotice(placed, 1.0);
        Map<String, Object> otherCampaign = new HashMap<>(notice);
        otherCampaign.put("campaign_id", other);

        Api.Response unsigned = exchange(WIN, notice, EXCHANGE_KEY);
        Api.Response forged = exchange(WIN + "?t=" + parts[1] + "." + parts[1], notice, EXCHANGE_KEY);
        Api.Response repriced =
                exchange(WIN + "?t=" + raisedPrice + "." + parts[1], winNotice(placed, 49.0), EXCHANGE_KEY);
        Api.Response redirected = postWin(placed, otherCampaign);

        assertThat(List.of(unsigned, forged, repriced, redirected)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).contains("application/problem+json");
        });
        assertThat(impressionsOf(id) + impressionsOf(other)).isZero();
        assertThat(spentBy(id)).isEqualTo("0.000000");
        assertThat(spentBy(other)).isEqualTo("0.000000");
    }

    @Test
    void takesClicksAndConversionsOnlyFromTheExchangeThatWonTheImpressionAndKeepsItsCustomer() {
        String region = "E" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("One exchange's impressions", region));
        seedAllowance(id, "50.00");
        UUID shownTo = UUID.randomUUID();
        JsonNode placed = placedBid(region, id, shownTo.toString());
        Map<String, Object> win = winNotice(placed, 2.0);
        URI nurl = URI.create(placed.path("nurl").asString());
        String bidId = placed.path("id").asString();

        Api.Response wonElsewhere = exchange(nurl.getRawPath() + "?" + nurl.getRawQuery(), win, OTHER_EXCHANGE_KEY);
        assertThat(wonElsewhere.status()).isEqualTo(403);
        assertThat(impressionsOf(id)).isZero();
        assertThat(postWin(placed, win).text("/recorded")).isEqualTo("true");

        Api.Response otherClick = exchange(
                "/api/v1/ads/openrtb/click",
                Map.of("bid_id", bidId, "customer_id", UUID.randomUUID().toString()),
                OTHER_EXCHANGE_KEY);
        Api.Response otherConversion =
                exchange("/api/v1/ads/openrtb/conversion", Map.of("bid_id", bidId, "value", 500), OTHER_EXCHANGE_KEY);
        assertThat(List.of(otherClick, otherConversion)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).contains("application/problem+json");
        });
        assertThat(jdbc.queryForMap(
                        "SELECT clicked_at IS NULL AS unclicked, converted_at IS NULL AS unconverted FROM ad_impressions"
                                + " WHERE bid_id = ?",
                        bidId))
                .containsEntry("unclicked", true)
                .containsEntry("unconverted", true);

        UUID claimed = UUID.randomUUID();
        Api.Response click =
                exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", bidId, "customer_id", claimed), EXCHANGE_KEY);
        assertThat(click.text("/recorded")).isEqualTo("true");
        // the touchpoint names the customer the bid was made for, not the one the click claims
        String touchpoint = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestKafka.readAll(bootstrapServers, Topics.AGENT_TOUCHPOINTS).stream()
                                .filter(value -> value.contains(id) && value.contains("ad_click"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(touchpoint).contains(shownTo.toString()).doesNotContain(claimed.toString());
    }

    @Test
    void recordsTheImpressionForTheCustomerTheBidWasMadeForWhicheverCustomerTheWinNoticeNames() {
        String region = "C" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Shown to the customer bid for", region));
        seedAllowance(id, "50.00");
        UUID shownTo = UUID.randomUUID();
        UUID pinned = UUID.randomUUID();
        JsonNode forCustomer = placedBid(region, id, shownTo.toString());
        JsonNode forACookie = placedBid(region, id, "exchange-cookie-" + UUID.randomUUID());
        Map<String, Object> pinning = new HashMap<>(winNotice(forCustomer, 2.0));
        pinning.put("customer_id", pinned.toString());
        Map<String, Object> naming = new HashMap<>(winNotice(forACookie, 2.0));
        naming.put("customer_id", pinned.toString());

        // a notice naming a customer is still a win the exchange bills: recorded, its customer ignored
        assertThat(postWin(forCustomer, pinning).text("/recorded")).isEqualTo("true");
        assertThat(postWin(forACookie, naming).text("/recorded")).isEqualTo("true");

        assertThat(customerOf(forCustomer.path("id").asString())).isEqualTo(shownTo);
        assertThat(customerOf(forACookie.path("id").asString())).isNull();
        String bidId = forCustomer.path("id").asString();
        assertThat(exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", bidId), EXCHANGE_KEY)
                        .text("/recorded"))
                .isEqualTo("true");
        List<String> touchpoints = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestKafka.readAll(bootstrapServers, Topics.AGENT_TOUCHPOINTS), all -> all.stream()
                        .anyMatch(value -> value.contains(shownTo.toString())));
        assertThat(touchpoints).noneMatch(value -> value.contains(pinned.toString()));
    }

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void recordsAWinOfABidMadeForACustomerErasedSinceUnderNoCustomer() {
        String region = "V" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Bid for a customer erased since", region));
        seedAllowance(id, "50.00");
        UUID erased = UUID.randomUUID();
        JsonNode placed = placedBid(region, id, erased.toString());
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> personalData.erase(erased));
        // as the exchange's notice named the customer before
        Map<String, Object> win = new HashMap<>(winNotice(placed, 2.0));
        win.put("customer_id", erased.toString());

        assertThat(postWin(placed, win).text("/recorded")).isEqualTo("true");

        assertThat(impressionsOf(id)).isEqualTo(1);
        assertThat(customerOf(placed.path("id").asString())).isNull();
        assertThat(personalData.export(erased).count()).isZero();
    }

    @Test
    void aWinForACustomerBeingErasedWaitsForTheErasureAndRecordsNoCustomer() throws Exception {
        String region = "W" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Won while its customer is erased", region));
        seedAllowance(id, "50.00");
        UUID erased = UUID.randomUUID();
        JsonNode placed = placedBid(region, id, erased.toString());
        CountDownLatch erasedButUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicInteger erasureBackend = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> erasure =
                    threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                        erasureBackend.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                        personalData.erase(erased);
                        erasedButUncommitted.countDown();
                        try {
                            if (!commit.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test never let the erasure commit");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }));
            try {
                if (!erasedButUncommitted.await(60, TimeUnit.SECONDS)) {
                    erasure.get(1, TimeUnit.SECONDS); // its failure says why
                    throw new IllegalStateException("the erasure did not get through its statements");
                }
                Future<Api.Response> win = threads.submit(() -> postWin(placed, winNotice(placed, 2.0)));
                // a win that got through without waiting fails on what it left below
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> win.isDone() || LockWaits.isSessionBlockedBy(jdbc, erasureBackend.get()));
                commit.countDown();
                erasure.get();

                assertThat(win.get().text("/recorded")).isEqualTo("true");
            } finally {
                commit.countDown();
            }
        }
        assertThat(impressionsOf(id)).isEqualTo(1);
        assertThat(customerOf(placed.path("id").asString())).isNull();
        assertThat(personalData.export(erased).count()).isZero();
    }

    @Test
    void reportsNoTouchpointForAClickOrConversionOfAnImpressionWhoseCustomerWasErased() {
        String region = "E" + UUID.randomUUID().toString().substring(0, 6);
        String id = createCampaign(campaign("Shown to a customer erased since", region));
        UUID erased = UUID.randomUUID();
        String bidId = wonImpression(id, null);
        jdbc.update("UPDATE ad_impressions SET customer_id = ? WHERE bid_id = ?", erased, bidId);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> personalData.erase(erased));

        Api.Response click = exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", bidId), EXCHANGE_KEY);
        Api.Response conversion = exchange(CONVERSION, Map.of("bid_id", bidId), EXCHANGE_KEY);

        assertThat(click.text("/recorded")).isEqualTo("true");
        assertThat(conversion.text("/recorded")).isEqualTo("true");
        assertThat(customerOf(bidId)).isNull();
        // a click of a known customer reported after them: once its touchpoint is on the topic, any the notices above
        // had made would be there too
        UUID shownTo = UUID.randomUUID();
        String later = wonImpression(createCampaign(campaign("Shown to a known customer", region)), null);
        jdbc.update("UPDATE ad_impressions SET customer_id = ? WHERE bid_id = ?", shownTo, later);
        assertThat(exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", later), EXCHANGE_KEY)
                        .text("/recorded"))
                .isEqualTo("true");
        List<String> touchpoints = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestKafka.readAll(bootstrapServers, Topics.AGENT_TOUCHPOINTS), all -> all.stream()
                        .anyMatch(value -> value.contains(shownTo.toString())));
        assertThat(touchpoints).noneMatch(value -> value.contains(id));
    }

    @Test
    void reportsNoTouchpointForACustomerOnlyAClickOrConversionNames() {
        String region = "N" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Shown to no known customer", region));
        seedAllowance(id, "50.00");
        JsonNode placed = placedBid(region, id);
        String bidId = placed.path("id").asString();
        assertThat(postWin(placed, winNotice(placed, 2.0)).text("/recorded")).isEqualTo("true");
        UUID claimed = UUID.randomUUID();

        Api.Response click =
                exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", bidId, "customer_id", claimed), EXCHANGE_KEY);
        Api.Response conversion = exchange(CONVERSION, Map.of("bid_id", bidId, "customer_id", claimed), EXCHANGE_KEY);

        assertThat(click.text("/recorded")).isEqualTo("true");
        assertThat(conversion.text("/recorded")).isEqualTo("true");
        // a click on an impression whose win named its customer, reported after them: once its touchpoint is on the
        // topic, any the notices above had made would be there too
        UUID shownTo = UUID.randomUUID();
        String later = wonImpression(id, null);
        jdbc.update("UPDATE ad_impressions SET customer_id = ? WHERE bid_id = ?", shownTo, later);
        assertThat(exchange("/api/v1/ads/openrtb/click", Map.of("bid_id", later), EXCHANGE_KEY)
                        .text("/recorded"))
                .isEqualTo("true");
        List<String> touchpoints = await().atMost(Duration.ofSeconds(20))
                .until(() -> TestKafka.readAll(bootstrapServers, Topics.AGENT_TOUCHPOINTS), all -> all.stream()
                        .anyMatch(value -> value.contains(shownTo.toString())));
        assertThat(touchpoints).noneMatch(value -> value.contains(claimed.toString()));
    }

    @Test
    void recordsAClearingPriceFinerThanItKeepsRoundedUpAndNeverChargesAWinZero() {
        String region = "F" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Cleared at a fraction", region));
        seedAllowance(id, "50.00");
        JsonNode placed = placedBid(region, id);

        Api.Response finer = postWin(placed, winNotice(placed, 0.00041));

        assertThat(finer.status()).as(finer.body().toString()).isEqualTo(200);
        assertThat(finer.text("/recorded")).isEqualTo("true");
        assertThat(impressionsOf(id)).isEqualTo(1);
        // 0.00041 CPM kept as 0.0005, one impression of it costs 0.0000005, charged as the cost column's last digit
        assertThat(spentBy(id)).isEqualTo("0.000001");
    }

    @Test
    void refusesAClearingPriceAboveTheSignedBidAndChargesNothing() {
        String region = "P" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Overcharged", region));
        seedAllowance(id, "50.00");
        JsonNode placed = placedBid(region, id);
        double bidPrice = placed.path("price").asDouble();

        Api.Response above = postWin(placed, winNotice(placed, bidPrice + 0.01));

        assertThat(above.status()).isEqualTo(422);
        assertThat(above.errorFields()).contains("price");
        assertThat(impressionsOf(id)).isZero();
        assertThat(postWin(placed, winNotice(placed, bidPrice)).text("/recorded"))
                .isEqualTo("true");
    }

    @Test
    void recordsAVerifiedWinTheAllowanceCannotCoverInsteadOfRefusingItAndStopsTheCampaignBidding() throws Exception {
        String region = "O" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Outrun", region));
        seedAllowance(id, "50.00");
        JsonNode placed = placedBid(region, id);
        // concurrent wins of bids made against the same view of the allowance spent it all meanwhile
        jdbc.update("UPDATE ad_spend_allowances SET spent = reserved WHERE campaign_id = ?::uuid", id);

        Api.Response won = postWin(placed, winNotice(placed, 2.0));

        assertThat(won.status()).isEqualTo(200);
        assertThat(won.text("/recorded")).isEqualTo("true");
        assertThat(impressionsOf(id)).isEqualTo(1);
        assertThat(spentBy(id)).isEqualTo("50.002000");
        assertThat(jdbc.queryForObject(
                        "SELECT overspent FROM ad_spend_allowances WHERE campaign_id = ?::uuid", String.class, id))
                .isEqualTo("0.002000");
        assertThat(metricValue(prometheus(), "ad_wins_overspent_total")).isPositive();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> exchange("/api/v1/ads/openrtb/bid", bidRequest(300, region, "EUR"), EXCHANGE_KEY),
                        response -> response.status() == 204);
    }

    @Test
    void recordsAVerifiedWinForADayWithoutAnAllowanceAsSpentBeyondIt() {
        String region = "D" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("No allowance", region));
        seedAllowance(id, "50.00");
        JsonNode placed = placedBid(region, id);
        // as when the day turned before finance reserved anything for the new one
        jdbc.update("DELETE FROM ad_spend_allowances WHERE campaign_id = ?::uuid", id);

        Api.Response won = postWin(placed, winNotice(placed, 3.0));

        assertThat(won.text("/recorded")).isEqualTo("true");
        assertThat(jdbc.queryForMap(
                        "SELECT reserved::text AS reserved, spent::text AS spent, overspent::text AS overspent, status"
                                + " FROM ad_spend_allowances WHERE campaign_id = ?::uuid",
                        id))
                .containsEntry("reserved", "0.00")
                .containsEntry("spent", "0.003000")
                .containsEntry("overspent", "0.003000")
                .containsEntry("status", "OPEN");
    }

    @Autowired
    WinNotices winNotices;

    @Test
    void twoHundredConcurrentWinsAreAllChargedAndWhatTheAllowanceForOneHundredCannotCoverIsOverspent()
            throws Exception {
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
                String bidId = "win-" + UUID.randomUUID();
                Map<String, Object> win =
                        Map.of("bid_id", bidId, "campaign_id", id, "creative_id", creative, "price", 10);
                // bids the agent made at 10 CPM, as their nurls carry them
                String token = winNotices.token(
                        bidId, UUID.fromString(id), UUID.fromString(creative), 10.0, clock.instant(), "test", null);
                statuses.add(executor.submit(() -> {
                    start.await();
                    return exchange(WIN + "?t=" + token, win, EXCHANGE_KEY).status();
                }));
            }
            start.countDown();
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        assertThat(answered).containsOnly(200).hasSize(200);
        assertThat(spentBy(id)).isEqualTo("2.000000");
        assertThat(jdbc.queryForObject(
                        "SELECT overspent FROM ad_spend_allowances WHERE campaign_id = ?::uuid", String.class, id))
                .isEqualTo("1.000000");
        assertThat(impressionsOf(id)).isEqualTo(200);
    }

    @Test
    void keepsSummingACampaignsRevenueBeyondAThousandConversionsOfTheHighestValue() {
        String id = createCampaign(campaign("Converting at the highest value"));
        String bidId = wonImpression(id, clock.instant());
        // a thousand conversions of the highest value a notice may carry, counted before
        jdbc.update(
                "INSERT INTO ad_campaign_delivery (campaign_id, conversions, revenue, updated_at)"
                        + " VALUES (?::uuid, 1000, 999999999990.00, now())",
                id);

        Api.Response converted =
                exchange(CONVERSION, Map.of("bid_id", bidId, "value", new BigDecimal("999999999.99")), EXCHANGE_KEY);

        assertThat(converted.status()).as(converted.body().toString()).isEqualTo(200);
        assertThat(converted.text("/recorded")).isEqualTo("true");
        assertThat(revenueOf(id)).isEqualByComparingTo("1000999999989.99");
    }

    @Test
    void refusesAConversionWorthMoreThanTheHighestValueItTakesAndRecordsNothing() {
        String id = createCampaign(campaign("Converting beyond the highest value"));
        String bidId = wonImpression(id, clock.instant());

        Api.Response refused =
                exchange(CONVERSION, Map.of("bid_id", bidId, "value", new BigDecimal("1000000000.00")), EXCHANGE_KEY);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("value");
        assertThat(jdbc.queryForObject(
                        "SELECT converted_at IS NULL FROM ad_impressions WHERE bid_id = ?", Boolean.class, bidId))
                .isTrue();
    }

    @Test
    void refusesAConversionWithoutAClickWithinTheConversionWindowAndCountsNothingOfIt() {
        String id = createCampaign(campaign("Converting without a click"));
        String unclicked = wonImpression(id, null);
        String clickedTooLongAgo =
                wonImpression(id, clock.instant().minus(Duration.ofDays(7).plusMinutes(1)));
        String clicked = wonImpression(id, clock.instant().minus(Duration.ofDays(6)));

        Api.Response withoutAClick = exchange(CONVERSION, Map.of("bid_id", unclicked, "value", 500), EXCHANGE_KEY);
        Api.Response afterTheWindow =
                exchange(CONVERSION, Map.of("bid_id", clickedTooLongAgo, "value", 500), EXCHANGE_KEY);
        Api.Response withinTheWindow = exchange(CONVERSION, Map.of("bid_id", clicked, "value", 500), EXCHANGE_KEY);

        assertThat(List.of(withoutAClick, afterTheWindow)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorFields()).containsExactly("bid_id");
        });
        assertThat(withinTheWindow.text("/recorded")).isEqualTo("true");
        assertThat(jdbc.queryForObject(
                        "SELECT conversions FROM ad_campaign_delivery WHERE campaign_id = ?::uuid", Long.class, id))
                .isEqualTo(1);
        assertThat(revenueOf(id)).isEqualByComparingTo("500");
    }

    private static final String CONVERSION = "/api/v1/ads/openrtb/conversion";

    /**
     * The bid id of an impression of the campaign won on the tests' exchange "test", clicked at {@code clickedAt}
     * (on the agent's clock) or not at all.
     */
    private String wonImpression(String campaignId, java.time.Instant clickedAt) {
        String bidId = "won-" + UUID.randomUUID();
        jdbc.update(
                "INSERT INTO ad_impressions (bid_id, campaign_id, creative_id, price_cpm, cost, exchange, won_at,"
                        + " clicked_at) VALUES (?, ?::uuid, ?, 2.0, 0.002, 'test', now(), ?)",
                bidId,
                campaignId,
                UUID.randomUUID(),
                clickedAt == null ? null : java.sql.Timestamp.from(clickedAt));
        return bidId;
    }

    private BigDecimal revenueOf(String campaignId) {
        return jdbc.queryForObject(
                "SELECT revenue FROM ad_campaign_delivery WHERE campaign_id = ?::uuid", BigDecimal.class, campaignId);
    }

    private static final String WIN = "/api/v1/ads/openrtb/win";

    /** The campaign's bid for the region's impression, once the bid path sees the campaign. */
    private JsonNode placedBid(String region, String campaignId) {
        return placedBid(region, campaignId, null);
    }

    /** As {@link #placedBid(String, String)}, for a request whose user id (OpenRTB {@code user.id}) is this one. */
    private JsonNode placedBid(String region, String campaignId, String userId) {
        Map<String, Object> request = new HashMap<>(bidRequest(300, region, "EUR"));
        if (userId != null) {
            request.put("user", Map.of("id", userId));
        }
        Api.Response bid = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> exchange("/api/v1/ads/openrtb/bid", request, EXCHANGE_KEY),
                        response -> response.status() == 200
                                && response.body()
                                        .path("seatbid")
                                        .get(0)
                                        .path("bid")
                                        .get(0)
                                        .path("cid")
                                        .asString()
                                        .equals(campaignId));
        assertThat(bid.text("/cur")).isEqualTo("EUR");
        return bid.body().path("seatbid").get(0).path("bid").get(0);
    }

    private static Map<String, Object> winNotice(JsonNode placed, double price) {
        return Map.of(
                "bid_id",
                placed.path("id").asString(),
                "campaign_id",
                placed.path("cid").asString(),
                "creative_id",
                placed.path("crid").asString(),
                "price",
                price);
    }

    /** Posts the notice to the bid's nurl as an exchange does: its path and signed query, on this server. */
    private Api.Response postWin(JsonNode placed, Map<String, Object> notice) {
        URI nurl = URI.create(placed.path("nurl").asString());
        return exchange(nurl.getRawPath() + "?" + nurl.getRawQuery(), notice, EXCHANGE_KEY);
    }

    private UUID customerOf(String bidId) {
        return jdbc.queryForObject("SELECT customer_id FROM ad_impressions WHERE bid_id = ?", UUID.class, bidId);
    }

    private int impressionsOf(String campaignId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM ad_impressions WHERE campaign_id = ?::uuid", Integer.class, campaignId);
    }

    private String spentBy(String campaignId) {
        return jdbc.queryForObject(
                "SELECT spent FROM ad_spend_allowances WHERE campaign_id = ?::uuid", String.class, campaignId);
    }
}
