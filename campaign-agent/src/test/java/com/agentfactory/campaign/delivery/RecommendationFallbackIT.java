package com.agentfactory.campaign.delivery;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.Mailbox;
import com.agentfactory.infra.FreePorts;
import com.agentfactory.messaging.recommendation.RecommendationClient;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Messages whose template lists products while nothing listens at the recommendation agent's address: the
 * e-mail goes out at its first attempt with the template's generic line, and the fallback is counted.
 */
class RecommendationFallbackIT extends CampaignIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CLOSED_PORT = FreePorts.find();
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static final String BODY = "<p>Hello {{email}}</p>"
            + "{{#products}}<p class=\"product\"><a href=\"{{url}}\">{{name}}</a> {{price}}</p>{{/products}}"
            + "{{^products}}<p>See what is new in the shop.</p>{{/products}}"
            + "{{#products_unavailable}}<p>Our picks for you are on their way.</p>{{/products_unavailable}}";

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void unreachableRecommendationAgent(DynamicPropertyRegistry registry) {
        registry.add("agentfactory.campaign.recommendations.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    /**
     * The service's own client, at the configured address, with a token as the gateway would issue the agent
     * (no gateway runs in these tests), counting the requests it makes.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class AsCampaignAgent {

        @Bean
        @Primary
        RecommendationClient recommendationClientAsCampaignAgent(RecommendationProperties properties) {
            return new RecommendationClient(properties.clientSettings(), (request, body, execution) -> {
                ASKED.incrementAndGet();
                request.getHeaders().setBearerAuth(TestTokens.client("campaign-agent"));
                return execution.execute(request, body);
            });
        }
    }

    @Test
    void sendsTheEmailWithTheGenericLineAndCountsTheFallbackWhenTheAgentIsUnreachable() throws Exception {
        String template = saveTemplateWithProducts();
        UUID customer = UUID.randomUUID();
        String address = customer + "@shop.example";
        EmailJourneys.consentingCustomer(commerce, api, customer, address);
        UUID journey = EmailJourneys.oneEmail(api, template);
        double fallbacks = fallbacks();
        int asked = ASKED.get();

        EmailJourneys.enrol(api, journey, customer);

        await().atMost(PATIENCE).until(() -> "sent".equals(statusOfSend(journey, customer)));
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
        String html = (String) Mailbox.messagesTo(address).getFirst().getContent();
        assertThat(html)
                .contains("Hello " + address, "See what is new in the shop.", "Our picks for you are on their way.")
                .doesNotContain("class=\"product\"");
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM sends WHERE journey_id = ? AND customer_id = ?",
                        Integer.class,
                        journey,
                        customer))
                .as("the send was not failed nor retried for its products")
                .isEqualTo(1);
        assertThat(ASKED.get()).as("the agent's address was tried").isEqualTo(asked + 1);
        assertThat(fallbacks()).isEqualTo(fallbacks + 1);
    }

    @Test
    void previewsTheFallbackTooWithoutCountingIt() {
        String template = saveTemplateWithProducts();
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, customer + "@shop.example", freshCountry(), Instant.now()));
        double fallbacks = fallbacks();

        Response preview =
                api.post("/api/v1/campaigns/templates/email/" + template + "/preview", Map.of("customer_id", customer));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("/body"))
                .isEqualTo("<p>Hello " + customer + "@shop.example</p><p>See what is new in the shop.</p>"
                        + "<p>Our picks for you are on their way.</p>");
        assertThat(fallbacks())
                .as("a preview is not a message sent without its products")
                .isEqualTo(fallbacks);
    }

    private String saveTemplateWithProducts() {
        String template = "products-" + UUID.randomUUID();
        Response saved = api.put(
                "/api/v1/campaigns/templates/email/" + template, Map.of("subject", "Picked for you", "body", BODY));
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        return template;
    }

    private double fallbacks() {
        Counter counter = meters.find(DeliveryMetrics.RECOMMENDATION_FALLBACKS)
                .tag("channel", "email")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String statusOfSend(UUID journey, UUID customer) {
        return jdbc
                .queryForList(
                        "SELECT status FROM sends WHERE journey_id = ? AND customer_id = ?",
                        String.class,
                        journey,
                        customer)
                .stream()
                .findFirst()
                .orElse(null);
    }
}
