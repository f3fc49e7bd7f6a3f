package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unsubscribe link of every e-mail, followed by a person (the footer's link, opened in a browser) and by a mail
 * client (RFC 8058 one-click, the List-Unsubscribe header's POST). The link reaches the agent through the gateway, as
 * a visitor.
 */
class UnsubscribeIT extends CampaignIntegrationTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    UnsubscribeTokens tokens;

    @Autowired
    ContactPermissions permissions;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Environment environment;

    @Test
    void aPersonFollowingTheLinkIsShownAPageWhoseButtonUnsubscribesThem() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String link = tokens.link(customer, Channel.EMAIL);

        HttpResponse<String> page = send(HttpRequest.newBuilder(local(link))
                .header("Accept", BROWSER_ACCEPT)
                .GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(permissions.refusal(customer, Channel.EMAIL))
                .as("opening the link (as a mail scanner does) unsubscribes nobody")
                .isEmpty();
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("script")).isEmpty();
        Element form = html.selectFirst("form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.select("button, input[type=submit]")).isNotEmpty();

        HttpResponse<String> confirmation = send(HttpRequest.newBuilder(local(form.attr("action")))
                .header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formData(form))));

        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(Jsoup.parse(confirmation.body()).text()).contains("unsubscribed");
        assertThat(permissions.refusal(customer, Channel.EMAIL)).isPresent();
    }

    @Test
    void aMailClientsOneClickPostUnsubscribes() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(local(tokens.link(customer, Channel.EMAIL)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(permissions.refusal(customer, Channel.EMAIL)).isPresent();
    }

    @Test
    void aLinkUsedAfterTheCustomersErasureIsAnsweredAsDoneAndKeepsNothingOfThem() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String link = tokens.link(customer, Channel.EMAIL);
        personalData.erase(customer);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(local(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE customer_id = ?", Long.class, customer))
                .as("no suppression under the erased customer's id")
                .isZero();
    }

    @Test
    void anUnsubscribeDuringTheCustomersErasureLeavesNothingOfThem() throws Exception {
        UUID customer = EmailJourneys.consentingCustomer(commerce, api);
        String link = tokens.link(customer, Channel.EMAIL);
        try (Connection other = LockWaits.secondConnection(environment);
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // another unsubscribe of the same customer, not yet committed: this one, past its look at the customer,
            // waits for it to write its suppression
            try (PreparedStatement suppress = other.prepareStatement(
                    "INSERT INTO suppressions (customer_id, channel, reason, suppressed_by, suppressed_at)"
                            + " VALUES (?, 'email', 'one-click', 'customer', now())")) {
                suppress.setObject(1, customer);
                assertThat(suppress.executeUpdate()).isEqualTo(1);
            }
            Future<HttpResponse<String>> unsubscribe = callers.submit(() -> send(HttpRequest.newBuilder(local(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))));
            LockWaits.awaitStatementWaitingForLock(jdbc, "INSERT INTO suppressions", unsubscribe);
            // the erasure, in one transaction as the privacy listener runs it, comes while the unsubscribe is under way
            Future<?> erasure = callers.submit(() -> new TransactionTemplate(transactionManager)
                    .executeWithoutResult(transaction -> personalData.erase(customer)));
            // it waits at its first lock, the customer's, which the unsubscribe holds shared
            LockWaits.awaitStatementWaitingForLock(jdbc, "pg_advisory_xact_lock(", erasure);
            other.rollback();

            assertThat(unsubscribe.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            erasure.get(60, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE customer_id = ?", Long.class, customer))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE customer_id = ?", Long.class, customer))
                .as("no suppression under the erased customer's id")
                .isZero();
    }

    @Test
    void refusesATamperedLinkWithoutShowingAPage() throws Exception {
        UUID customer = UUID.randomUUID();
        String link = tokens.link(customer, Channel.EMAIL);
        String tampered = link.substring(0, link.length() - 4) + "AAAA";

        HttpResponse<String> answer = send(HttpRequest.newBuilder(local(tampered))
                .header("Accept", BROWSER_ACCEPT)
                .GET());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("<form");
    }

    /** The address on this test's agent: the page's form names the public one (the gateway's). */
    private URI local(String address) {
        URI uri = URI.create(address);
        return URI.create("http://127.0.0.1:" + port() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", "Bearer " + TestTokens.visitor())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String formData(Element form) {
        return form.select("input[name]").stream()
                .map(input -> URLEncoder.encode(input.attr("name"), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(input.attr("value"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
