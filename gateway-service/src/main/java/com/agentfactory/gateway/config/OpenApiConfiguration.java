package com.agentfactory.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Agent Factory gateway: authentication")
                        .version("v1")
                        .description("Sign-up, sign-in, token refresh and service tokens. Other /api/v1 paths are "
                                + "forwarded to the services, which document themselves."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }

    /**
     * The refusals every gateway operation can answer, as problem details: 400 for input that cannot be read, 401
     * (no valid token, or wrong credentials on the sign-in operations), 429 from the rate limiter and the sign-in
     * lockout, 404 where a path names a resource, 413 and 414 for bodies and addresses over the limits. The
     * services' documents get theirs from common-messaging, which this reactive service does not use. Operations
     * declare any other answer (403, 409) themselves; the gateway's contract test fails on an undocumented one.
     */
    @Bean
    OpenApiCustomizer problemResponsesCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components.addSchemas(PROBLEM, problemSchema()));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses =
                        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                boolean hasBody = operation.getRequestBody() != null;
                if (hasBody || !parameters.isEmpty()) {
                    responses.putIfAbsent("400", problem("The request cannot be read: the fields at fault are named"));
                }
                responses.putIfAbsent("401", problem("No valid bearer token, or wrong credentials"));
                responses.putIfAbsent("429", problem("Too many requests or failed sign-ins: retry after Retry-After"));
                if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
                    responses.putIfAbsent("404", problem("Nothing with that id"));
                }
                if (hasBody) {
                    responses.putIfAbsent("413", problem("The body is larger than the gateway accepts"));
                }
                if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
                    responses.putIfAbsent("414", problem("The address is longer than the gateway accepts"));
                }
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        response.setContent(problem(response.getDescription()).getContent());
                    }
                });
                operation.setResponses(responses);
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> fieldError =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Unauthorized"))
                .addProperty("status", new IntegerSchema().example(401))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
