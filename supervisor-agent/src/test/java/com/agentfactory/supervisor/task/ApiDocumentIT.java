package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the gateway's Swagger UI (/docs) shows for the supervisor. */
class ApiDocumentIT extends SupervisorIntegrationTest {

    @Test
    void namesItsServerRelativelySoTheGatewaysDocsCallThroughTheGatewayWithABearerToken() {
        Response document = api.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(document.body().at("/servers").size()).isEqualTo(1);
        assertThat(document.body().at("/info/title").asString()).isEqualTo("Agent Factory supervisor-agent");
        assertThat(document.body()
                        .at("/components/securitySchemes/bearer/scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(document.body().at("/security/0").has("bearer")).isTrue();
        assertThat(document.body().path("paths").has("/api/v1/agents/tasks")).isTrue();
    }

    @Test
    void declaresTheProblemDetailsEveryOperationCanAnswer() {
        Response document = api.get("/v3/api-docs");

        var create = document.body().at("/paths/~1api~1v1~1agents~1tasks/post/responses");
        for (String status : new String[] {"400", "401", "403"}) {
            assertThat(create.at("/" + status + "/content/application~1problem+json/schema/$ref")
                            .asString())
                    .as(status)
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(document.body().at("/components/schemas/Problem/properties").has("errors"))
                .isTrue();
    }
}
