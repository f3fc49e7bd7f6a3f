package com.agentfactory.messaging.web;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.text.StorableText;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
    }
}
