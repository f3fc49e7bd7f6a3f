package com.agentfactory.messaging.web;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.text.StorableText;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
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
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/** Trace propagation, the body-size limit and the caller as a controller parameter, for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@EnableConfigurationProperties(WebProperties.class)
public class WebSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<TraceContextFilter> traceContextFilter() {
        var registration = new FilterRegistrationBean<>(new TraceContextFilter());
        // after Spring Boot's server observation filter (HIGHEST_PRECEDENCE + 1), whose span it joins
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryTextFilter> queryTextFilter() {
        var registration = new FilterRegistrationBean<>(new QueryTextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** Registered by Boot's Jackson auto-configuration: every typed string field of a request body refuses NUL. */
    @Bean
    JacksonModule storableTextModule() {
        return StorableText.module();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class OpenApiDocumentConfiguration {

        private static final String BEARER = "bearer";
        private static final String PROBLEM = "Problem";

        /** The caller comes from the request's authentication, not from parameters: keep it out of the documents. */
        OpenApiDocumentConfiguration() {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        /**
         * The service's document names its server relative to where the document was read: read through the
         * gateway's Swagger UI (/docs), "try it out" calls go through the gateway with the bearer token entered
         * there; read from the service itself, they go to the service. Springdoc would otherwise write the
         * service's own host and port, which a browser outside the cluster cannot reach.
         */
        @Bean
        @ConditionalOnMissingBean
        OpenAPI serviceOpenApi(Environment environment) {
            String service = environment.getProperty("spring.application.name", "service");
            return new OpenAPI()
                    .info(new Info().title("Agent Factory " + service).version("v1"))
                    .servers(List.of(new Server().url("/").description("where this document was read from")))
                    .components(new Components()
                            .addSecuritySchemes(
                                    BEARER,
                                    new SecurityScheme()
                                            .type(SecurityScheme.Type.HTTP)
                                            .scheme("bearer")
                                            .bearerFormat("JWT")))
                    .addSecurityItem(new SecurityRequirement().addList(BEARER));
        }

        /** An example request for every JSON body, built from its schema ({@link RequestExamples}). */
        @Bean
        OpenApiCustomizer requestExamplesCustomizer() {
            return RequestExamples::addTo;
        }

        /**
         * The refusals every operation can answer, as they are on the wire: 401 without a valid bearer token (every
         * service authenticates every request), 403 for a role the access rules do not admit, 400 for input that
         * cannot be read, 404 where a path names a resource (also a customer's answer for another's data) and 413
         * for a body over the size limit; all problem details (RFC 9457). Operations that declare their own keep
         * them, and declare any other refusal (409, 422) themselves: the contract tests fail on an undocumented one.
         */
        @Bean
        OpenApiCustomizer problemResponsesCustomizer() {
            return openApi -> {
                Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
                openApi.setComponents(components.addSchemas(PROBLEM, problemSchema()));
                if (openApi.getPaths() == null) {
                    return;
                }
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(operation -> {
                            ApiResponses responses =
                                    operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                            responses.putIfAbsent(
                                    "400", problem("The request cannot be read: the fields at fault are named"));
                            responses.putIfAbsent("401", problem("No valid bearer token"));
                            responses.putIfAbsent("403", problem("The caller's role does not allow this operation"));
                            boolean namesResource = operation.getParameters() != null
                                    && operation.getParameters().stream()
                                            .anyMatch(parameter -> "path".equals(parameter.getIn()));
                            if (namesResource) {
                                responses.putIfAbsent(
                                        "404", problem("Nothing with that id, or nothing the caller may see"));
                            }
                            if (operation.getRequestBody() != null) {
                                responses.putIfAbsent("413", problem("The body is larger than the service accepts"));
                            }
                            // a refusal an operation declares itself is a problem document too, whatever springdoc
                            // inferred from the method's return type
                            responses.forEach((status, response) -> {
                                if (status.startsWith("4") || status.startsWith("5")) {
                                    response.setContent(
                                            problem(response.getDescription()).getContent());
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
            Schema<Object> fieldError = new ObjectSchema()
                    .addProperty("field", new StringSchema())
                    .addProperty("message", new StringSchema());
            return new ObjectSchema()
                    .description("RFC 9457 problem detail")
                    .addProperty("type", new StringSchema().example("about:blank"))
                    .addProperty("title", new StringSchema().example("Unauthorized"))
                    .addProperty("status", new IntegerSchema().example(401))
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("errors", new ArraySchema().items(fieldError));
        }

        /**
         * The services write JSON in snake_case (spring.jackson.property-naming-strategy); springdoc reads the
         * records with its own mapper, so without this the documents name fields in camelCase that the wire
         * ignores. Records whose fields carry @JsonProperty keep those names.
         */
        @Bean
        @ConditionalOnProperty(name = "spring.jackson.property-naming-strategy", havingValue = "SNAKE_CASE")
        ModelResolver snakeCaseModelResolver() {
            return new ModelResolver(
                    Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        }
    }

    /**
     * Tomcat's own error page (for requests it refuses before any servlet runs) replaced by a problem document.
     * Ordered last so that it also replaces the valve Boot's own customizer adds.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.apache.catalina.valves.ErrorReportValve",
                "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"
            })
    static class TomcatProblemConfiguration {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValveCustomizer() {
            return new ProblemValveCustomizer();
        }

        /**
         * Tomcat answers "100 Continue" by default before the application has looked at the request, so a client
         * that asks first still sends a body the size limit then refuses, and once Tomcat has swallowed 2 MB of it
         * the connection is closed under the client, which sees a reset instead of the 413. Answering only when
         * the body is read lets the refusal reach the client before the body is sent.
         */
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> continueOnReadCustomizer() {
            return factory -> factory.addConnectorCustomizers(
                    connector -> connector.setProperty("continueResponseTiming", "onRead"));
        }
    }

    static final class ProblemValveCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
