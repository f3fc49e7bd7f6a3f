package com.agentfactory.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnowledgeSearchIT extends SupportIntegrationTest {

    private static final As SHOPPER = As.customer(UUID.randomUUID());

    @Test
    void returnsTheTopPassagesWithTheirScoresAndRanks() {
        var found = api.get(
                "/api/v1/support/knowledge/search?limit=2&q="
                        + URLEncoder.encode("Do you ship to Spain?", StandardCharsets.UTF_8),
                SHOPPER);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("results").size()).isEqualTo(2);
        assertThat(found.text("/results/0/heading")).isEqualTo("Countries we ship to");
        assertThat(found.body().at("/results/0/score").asDouble())
                .isGreaterThanOrEqualTo(found.body().at("/results/1/score").asDouble());
        assertThat(found.body().at("/results/0/keyword_rank").asInt()).isPositive();
    }

    @Test
    void refusesABlankQueryWithTheParameterAtFault() {
        var refused = api.get("/api/v1/support/knowledge/search?q=%20", SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("q");
    }
}
