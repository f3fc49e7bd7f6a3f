package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.messaging.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrackingIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SHOP_LINK = "https://shop.example/cart?c=1&utm_source=email";

    @Autowired
    Environment environment;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void countsOpensClicksConversionsAndUnsubscribesAndReportsTouchpointsToFinance() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String address = customer + "@example.test";
        api.put(
                "/api/v1/campaigns/templates/email/tracked_offer",
                Map.of(
                        "subject",
                        "An offer",
                        "body",
                        "<p>Hi</p><p><a href=\"" + SHOP_LINK.replace("&", "&amp;")
                                + "\">Back to your cart</a> <a href=\"mailto:help@shop.example\">Help</a></p>"));
        UUID journey = EmailJourneys.oneEmail(api, "tracked_offer");
        UUID unconsented = CustomerMother.knownCustomer(commerce, CustomerMother.freshCountry());

        EmailJourneys.enrol(api, journey, customer);
        EmailJourneys.enrol(api, journey, unconsented);

        await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
        var message = Mailbox.messagesTo(address).getFirst();
        Document html = Jsoup.parse((String) message.getContent());
        String pixel = html.select("img[width=1]").attr("src");
        String tracked = html.select("a:contains(Back to your cart)").attr("href");
        assertThat(pixel).contains("/api/v1/campaigns/track/open?t=");
        assertThat(tracked).contains("/api/v1/campaigns/track/click?t=");
        assertThat(html.select("a:contains(Help)").attr("href")).isEqualTo("mailto:help@shop.example");
        assertThat(html.select("a:contains(Unsubscribe)").attr("href")).contains("/api/v1/campaigns/unsubscribe");

        HttpResponse<byte[]> opened = get(pixel);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).contains("image/gif");
        assertThat(opened.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(get(pixel).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> clicked = get(tracked);
        assertThat(clicked.statusCode()).isEqualTo(302);
        assertThat(clicked.headers().firstValue("Location")).contains(SHOP_LINK);

        commerce.publishAndWait(CustomerMother.order(customer, "80.00", Instant.now()));
        String unsubscribe = message.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(api.post(pathOf(unsubscribe), Map.of()).status()).isEqualTo(200);

        String kpiPath = "/api/v1/campaigns/journeys/" + journey + "/kpis";
        // the order and the unconsented customer's skip arrive on their own time
        await().atMost(PATIENCE).until(() -> {
            JsonNode now = api.get(kpiPath).body();
            return now.path("converted").asLong() == 1
                    && now.at("/skipped/no_consent").asLong() == 1;
        });
        Response kpis = api.get(kpiPath);
        assertThat(kpis.status()).isEqualTo(200);
        JsonNode body = kpis.body();
        assertThat(body.path("sent").asLong()).isEqualTo(1);
        assertThat(body.path("delivered").asLong()).isEqualTo(1);
        assertThat(body.path("opened").asLong()).isEqualTo(1);
        assertThat(body.path("clicked").asLong()).isEqualTo(1);
        assertThat(body.path("converted").asLong()).isEqualTo(1);
        assertThat(body.path("unsubscribed").asLong()).isEqualTo(1);
        assertThat(body.path("skipped").path("no_consent").asLong()).isEqualTo(1);
        assertThat(body.at("/rates/open").asDouble()).isEqualTo(1.0);
        assertThat(jdbc.queryForObject(
                        "SELECT occurrences FROM send_events WHERE customer_id = ? AND kind = 'opened'",
                        Integer.class,
                        customer))
                .as("the pixel twice and the click")
                .isEqualTo(3);

        Set<String> reported = touchpointsOf(customer, 3);
        assertThat(reported).containsExactlyInAnyOrder("campaign_send", "campaign_open", "campaign_click");

        String metrics = new String(get("http://localhost/actuator/prometheus").body(), StandardCharsets.UTF_8);
        assertThat(metric(metrics, "campaign_sends_total", "channel=\"email\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "campaign_send_skips_total", "channel=\"email\"", "reason=\"no_consent\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "campaign_opens_total", "channel=\"email\"")).isGreaterThanOrEqualTo(3);
        assertThat(metric(metrics, "campaign_clicks_total", "channel=\"email\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void countsAnOpenThatArrivesBeforeItsSendIsMarkedSentOnceItIs() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String address = customer + "@example.test";
        api.put(
                "/api/v1/campaigns/templates/email/early_open",
                Map.of(
                        "subject",
                        "Early",
                        "body",
                        "<p>Hi</p><p><a href=\"" + SHOP_LINK.replace("&", "&amp;") + "\">Back to your cart</a></p>"));
        UUID journey = EmailJourneys.oneEmail(api, "early_open");
        String kpiPath = "/api/v1/campaigns/journeys/" + journey + "/kpis";
        try (Connection other = LockWaits.secondConnection(environment);
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // holds back every write to the outbox: the dispatcher, its send marked sent but not committed, waits to
            // report the send's touchpoint, as it would for a moment after the mail server accepted the message
            try (var lock = other.createStatement()) {
                lock.execute("LOCK TABLE outbox_messages IN SHARE ROW EXCLUSIVE MODE");
            }
            EmailJourneys.enrol(api, journey, customer);
            await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
            LockWaits.awaitStatementWaitingForLock(jdbc, "INSERT INTO outbox_messages");
            String pixel = Jsoup.parse(
                            (String) Mailbox.messagesTo(address).getFirst().getContent())
                    .select("img[width=1]")
                    .attr("src");

            Future<HttpResponse<byte[]>> open = callers.submit(() -> get(pixel));
            // the open, recorded, waits to report its touchpoint as well; one not recorded is answered at once
            await().atMost(PATIENCE).until(() -> open.isDone() || outboxWritesWaiting() == 2);
            other.rollback();

            assertThat(open.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM sends WHERE customer_id = ? AND status = 'sent'",
                                Integer.class,
                                customer)
                        == 1);
        JsonNode kpis = api.get(kpiPath).body();
        assertThat(kpis.path("delivered").asLong()).isEqualTo(1);
        assertThat(kpis.path("opened").asLong())
                .as("the open made while the send was still marked sending")
                .isEqualTo(1);
        assertThat(kpis.at("/rates/open").asDouble()).isEqualTo(1.0);
    }

    @Test
    void countsNoOpenOfASendThatEndedOtherwiseThanSent() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String address = customer + "@example.test";
        api.put("/api/v1/campaigns/templates/email/early_open", Map.of("subject", "Early", "body", "<p>Hi</p>"));
        UUID journey = EmailJourneys.oneEmail(api, "early_open");
        String kpiPath = "/api/v1/campaigns/journeys/" + journey + "/kpis";
        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE).until(() -> !Mailbox.messagesTo(address).isEmpty());
        String pixel = Jsoup.parse(
                        (String) Mailbox.messagesTo(address).getFirst().getContent())
                .select("img[width=1]")
                .attr("src");
        assertThat(get(pixel).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> api.get(kpiPath).body().path("opened").asLong() == 1);

        // as a send ends whose channel took the message but answered with an error until the attempts ran out: its
        // open was recorded, but a send not counted delivered is not counted opened either
        jdbc.update("UPDATE sends SET status = 'failed', reason = 'timed out' WHERE customer_id = ?", customer);

        JsonNode kpis = api.get(kpiPath).body();
        assertThat(kpis.path("delivered").asLong()).isZero();
        assertThat(kpis.path("failed").asLong()).isEqualTo(1);
        assertThat(kpis.path("opened").asLong()).isZero();
    }

    @Test
    void countsAnOpenMadeWhileARetryHadItsSendBackToPendingOnceTheSendIsSent() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String address = customer + "@example.test";
        api.put("/api/v1/campaigns/templates/email/retried_open", Map.of("subject", "Retried", "body", "<p>Hi</p>"));
        UUID journey = EmailJourneys.oneEmail(api, "retried_open");
        String kpiPath = "/api/v1/campaigns/journeys/" + journey + "/kpis";
        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM sends WHERE customer_id = ? AND status = 'sent'",
                                Integer.class,
                                customer)
                        == 1);
        String pixel = Jsoup.parse(
                        (String) Mailbox.messagesTo(address).getFirst().getContent())
                .select("img[width=1]")
                .attr("src");
        // as a send stands whose channel took the message but whose answer never came: back to pending for another
        // attempt, not due while the test runs
        jdbc.update(
                "UPDATE sends SET status = 'pending', sent_at = NULL, reason = 'timed out',"
                        + " next_attempt_at = now() + interval '1 day' WHERE customer_id = ?",
                customer);

        assertThat(get(pixel).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForList(
                        "SELECT occurrences FROM send_events WHERE customer_id = ? AND kind = 'opened'",
                        Integer.class,
                        customer))
                .as("the open proves the earlier attempt delivered")
                .containsExactly(1);
        assertThat(api.get(kpiPath).body().path("opened").asLong())
                .as("not counted while the send is not counted delivered")
                .isZero();

        // the next attempt goes through
        jdbc.update("UPDATE sends SET status = 'sent', sent_at = now(), reason = NULL WHERE customer_id = ?", customer);

        JsonNode kpis = api.get(kpiPath).body();
        assertThat(kpis.path("delivered").asLong()).isEqualTo(1);
        assertThat(kpis.path("opened").asLong()).isEqualTo(1);
    }

    @Test
    void aClickDuringTheCustomersErasureRecordsNothingUnderTheirIdAndStillRedirects() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String address = customer + "@example.test";
        api.put(
                "/api/v1/campaigns/templates/email/erased_click",
                Map.of(
                        "subject",
                        "Erased",
                        "body",
                        "<p>Hi</p><p><a href=\"" + SHOP_LINK.replace("&", "&amp;") + "\">Back to your cart</a></p>"));
        UUID journey = EmailJourneys.oneEmail(api, "erased_click");
        EmailJourneys.enrol(api, journey, customer);
        await().atMost(PATIENCE)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM sends WHERE customer_id = ? AND status = 'sent'",
                                Integer.class,
                                customer)
                        == 1);
        String tracked = Jsoup.parse(
                        (String) Mailbox.messagesTo(address).getFirst().getContent())
                .select("a:contains(Back to your cart)")
                .attr("href");

        // the erasure not yet committed, the send still names the customer for whoever reads it
        HttpResponse<byte[]> clicked =
                ErasureUnderWay.whileErasing(personalData, transactionManager, jdbc, customer, () -> get(tracked));

        assertThat(clicked.statusCode()).isEqualTo(302);
        assertThat(clicked.headers().firstValue("Location")).contains(SHOP_LINK);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM send_events WHERE customer_id = ?", Long.class, customer))
                .as("no open or click under the erased customer's id")
                .isZero();
        assertThat(api.get("/api/v1/campaigns/journeys/" + journey + "/kpis")
                        .body()
                        .path("clicked")
                        .asLong())
                .as("a click after the erasure is not recorded")
                .isZero();
    }

    private long outboxWritesWaiting() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database() AND query LIKE ?",
                Long.class,
                "%INSERT INTO outbox_messages%");
    }

    /** The value of the Prometheus sample of that name whose labels include all of {@code labels}. */
    private static double metric(String exposition, String name, String... labels) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + List.of(labels) + " is not exposed"));
    }

    @Test
    void refusesATamperedTrackingLink() throws Exception {
        HttpResponse<byte[]> tampered = get("http://localhost/api/v1/campaigns/track/click?t="
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("click\n" + UUID.randomUUID() + "\nhttps://evil.example").getBytes())
                + ".AAAA");

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(new String(tampered.body())).contains("\"t\"");
    }

    @Test
    void answersNotFoundForTheKpisOfAnUnknownJourney() {
        assertThat(api.get("/api/v1/campaigns/journeys/" + UUID.randomUUID() + "/kpis")
                        .status())
                .isEqualTo(404);
    }

    private Set<String> touchpointsOf(UUID customer, int expected) {
        Set<String> types = ConcurrentHashMap.newKeySet();
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaConsumer<String, String> consumer =
                TestKafka.consumerFromBeginning(bootstrapServers, "campaign-touchpoints")) {
            consumer.subscribe(List.of(Topics.AGENT_TOUCHPOINTS));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(customer.toString())) {
                        JsonNode data =
                                json.readTree(record.value()).path("payload").path("data");
                        assertThat(data.path("agent").asString()).isEqualTo("campaign");
                        assertThat(data.path("channel").asString()).isEqualTo("email");
                        types.add(data.path("touchpoint_type").asString());
                    }
                }
                return types.size() >= expected;
            });
        }
        return types;
    }

    private HttpResponse<byte[]> get(String link) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + pathOf(link)))
                        // a link followed from an e-mail reaches the agent through the gateway, as a visitor
                        .header("Authorization", "Bearer " + TestTokens.visitor())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
