package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JourneyEditingIT extends CampaignIntegrationTest {

    @Test
    void replacesTheDefinitionOfAJourneyThatHasNotStarted() {
        String id = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        String newName = "Renamed " + UUID.randomUUID();

        Response updated = api.put("/api/v1/campaigns/journeys/" + id, shortJourney(newName));

        assertThat(updated.status()).as(String.valueOf(updated.body())).isEqualTo(200);
        Response fetched = api.get("/api/v1/campaigns/journeys/" + id);
        assertThat(fetched.text("/name")).isEqualTo(newName);
        assertThat(fetched.body().at("/definition/steps").size()).isEqualTo(2);
        assertThat(fetched.text("/definition/steps/0/template")).isEqualTo("welcome");
        assertThat(fetched.body().path("active").asBoolean()).isFalse();
    }

    @Test
    void acceptsYamlAsWhenTheJourneyWasCreated() throws Exception {
        String id = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        String newName = "Yaml " + UUID.randomUUID();
        String yaml = """
                name: "%s"
                trigger: {type: event, event: cart.abandoned}
                steps:
                  - {id: only, type: end, reason: done}
                """.formatted(newName);

        HttpResponse<String> updated = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port() + "/api/v1/campaigns/journeys/" + id))
                                .header("Content-Type", "application/yaml")
                                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "MARKETING_MANAGER"))
                                .PUT(HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/journeys/" + id).text("/name")).isEqualTo(newName);
    }

    @Test
    void refusesToChangeAJourneyThatHasEverBeenActivated() {
        String id = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));
        assertThat(api.post("/api/v1/campaigns/journeys/" + id + "/activate", Map.of())
                        .status())
                .isEqualTo(200);

        Response whileActive = api.put("/api/v1/campaigns/journeys/" + id, shortJourney("X " + UUID.randomUUID()));
        assertThat(whileActive.status()).isEqualTo(409);
        assertThat(whileActive.text("/detail")).contains("new journey");

        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(CustomerMother.customer(customer, customer + "@example.test", "GB", Instant.now()));
        assertThat(api.post(
                                "/api/v1/campaigns/journeys/" + id + "/enrolments",
                                Map.of("customer_id", customer.toString()))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/campaigns/journeys/" + id + "/deactivate", Map.of())
                        .status())
                .isEqualTo(200);

        // inactive again, but a customer is on its steps and the runners keep the compiled journey
        Response afterwards = api.put("/api/v1/campaigns/journeys/" + id, shortJourney("Y " + UUID.randomUUID()));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/campaigns/journeys/" + id).text("/name")).startsWith("Cart reminder");
    }

    @Test
    void refusesAnotherJourneysNameAnInvalidDefinitionAndAnUnknownJourney() {
        Map<String, Object> taken = JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour");
        create(taken);
        String id = create(JourneyMother.abandonedCart(CustomerMother.freshCountry(), "1 hour"));

        Response nameTaken =
                api.put("/api/v1/campaigns/journeys/" + id, shortJourney(((String) taken.get("name")).toUpperCase()));
        assertThat(nameTaken.status()).isEqualTo(409);

        Map<String, Object> broken = new HashMap<>(shortJourney("Broken " + UUID.randomUUID()));
        broken.put("steps", List.of(Map.of("id", "a", "type", "email", "template", "t", "next", "nowhere")));
        Response invalid = api.put("/api/v1/campaigns/journeys/" + id, broken);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorFields()).contains("steps[0].next");

        assertThat(api.put("/api/v1/campaigns/journeys/" + UUID.randomUUID(), shortJourney("Z " + UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        // the journey keeps the name it had
        assertThat(api.get("/api/v1/campaigns/journeys/" + id).text("/name")).startsWith("Cart reminder");
    }

    private String create(Map<String, Object> definition) {
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.text("/id");
    }

    private static Map<String, Object> shortJourney(String name) {
        return Map.of(
                "name", name,
                "trigger", Map.of("type", "event", "event", "cart.abandoned"),
                "steps",
                        List.of(
                                Map.of("id", "mail", "type", "email", "template", "welcome"),
                                Map.of("id", "done", "type", "end", "reason", "sent")));
    }
}
