package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.FreePorts;
import com.agentfactory.messaging.recommendation.RecommendationClient;
import com.agentfactory.messaging.recommendation.RecommendationClientSettings;
import com.agentfactory.messaging.recommendation.RecommendationsUnavailableException;
import com.agentfactory.messaging.recommendation.RecommendedProduct;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The agents' recommendation client against the real recommendation agent, as the campaign agent calls it, and
 * against an address where nothing listens: it reports the lists unavailable, and once its circuit opens it stops
 * calling.
 */
class RecommendationClientIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private ModelService models;

    @LocalServerPort
    private int localPort;

    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void returnsTheCustomersRecommendationsBestFirstUpToTheLimit() {
        UUID camera = UUID.randomUUID();
        UUID lens = UUID.randomUUID();
        UUID soldOutBag = UUID.randomUUID();
        UUID shopper = UUID.randomUUID();
        String photo = freshCategory("photo");
        storefront.publish(product(camera, "Camera", photo, "499.00", 5));
        storefront.publish(product(lens, "Lens", photo, "199.00", 5));
        storefront.publish(product(soldOutBag, "Camera bag", photo, "39.00", 0));
        // others buy camera, lens and bag together and look at a few more, so the shopper's list is longer than asked
        for (int i = 0; i < 3; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, lens, soldOutBag));
        }
        for (String name : List.of("Tripod", "Strap", "Filter", "Battery", "Memory card")) {
            UUID extra = UUID.randomUUID();
            storefront.publish(product(extra, name, photo, "19.00", 5));
            storefront.publish(viewed(UUID.randomUUID(), extra));
        }
        storefront.publish(order(shopper, camera));
        RecommendationClient client = clientAt(baseUrl(), as(TestTokens.client("campaign-agent")));

        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(client.forCustomer(shopper, 4))
                    .extracting(RecommendedProduct::productId)
                    .startsWith(lens);
        });

        List<RecommendedProduct> four = client.forCustomer(shopper, 4);
        assertThat(four).hasSize(4);
        assertThat(four).extracting(RecommendedProduct::productId).doesNotContain(camera, soldOutBag);
        RecommendedProduct first = four.getFirst();
        assertThat(first.name()).isEqualTo("Lens");
        assertThat(first.price()).isEqualByComparingTo("199.00");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.category()).isEqualTo(photo);
        assertThat(client.forCustomer(shopper, 2))
                .as("the head of the same list")
                .isEqualTo(four.subList(0, 2));
        assertThat(client.forCustomer(shopper, 0)).isEmpty();
    }

    @Test
    void anotherCustomersListIsNotFoundWhichIsAnAnswerNotAFailure() {
        RecommendationClient client = clientAt(baseUrl(), as(TestTokens.customer(UUID.randomUUID())));

        // more refusals than it takes failures to open the circuit: they do not count as failures
        for (int i = 0; i < 10; i++) {
            assertThat(client.forCustomer(UUID.randomUUID(), 4)).isEmpty();
        }
        assertThat(requests).hasValue(10);
    }

    @Test
    void anUnreachableAgentIsReportedUnavailableAndNotAskedOnceTheCircuitIsOpen() throws Exception {
        RecommendationClient client =
                clientAt("http://127.0.0.1:" + FreePorts.find(), as(TestTokens.client("campaign-agent")));
        Supplier<String> ask = () -> catchThrowableOfType(
                        RecommendationsUnavailableException.class, () -> client.forCustomer(UUID.randomUUID(), 4))
                .getMessage();

        assertThat(ask.get()).contains("did not answer");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 10 && outcomes.stream().noneMatch(m -> m.contains("circuit open")); i++) {
            outcomes.add(ask.get());
        }
        assertThat(outcomes).anyMatch(message -> message.contains("circuit open"));

        int attempted = requests.get();
        assertThat(attempted)
                .as("only the calls before the circuit opened were made")
                .isEqualTo(outcomes.size());
        for (int i = 0; i < 3; i++) {
            assertThat(ask.get()).contains("circuit open");
        }
        assertThat(requests).as("an open circuit makes no request").hasValue(attempted);
    }

    /** Puts the token on every request, as the calling service's interceptor does, and counts the requests. */
    private ClientHttpRequestInterceptor as(String token) {
        return (request, body, execution) -> {
            requests.incrementAndGet();
            request.getHeaders().setBearerAuth(token);
            return execution.execute(request, body);
        };
    }

    private static RecommendationClient clientAt(String baseUrl, ClientHttpRequestInterceptor authentication) {
        return new RecommendationClient(
                new RecommendationClientSettings(
                        baseUrl, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1)),
                authentication);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + localPort;
    }
}
