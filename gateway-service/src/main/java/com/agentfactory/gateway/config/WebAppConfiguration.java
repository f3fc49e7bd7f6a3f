package com.agentfactory.gateway.config;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The single-page app from the dashboard jar, on the same origin as the APIs so it calls them without CORS.
 * Its client-side routes (deep links such as /admin/tasks/{id}) all answer index.html, which is never cached so a
 * new deployment is picked up at once; the hashed bundles under /assets never change and are cached for a year.
 * Only the app's own path prefixes are routed here: /api/** stays with the gateway's routes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnResource(resources = WebAppConfiguration.INDEX)
class WebAppConfiguration implements WebFluxConfigurer {

    static final String INDEX = "classpath:/META-INF/resources/index.html";

    private static final String[] APP_PATHS = {
        "/", "/login", "/admin", "/admin/**", "/shop", "/shop/**", "/dashboard", "/dashboard/**"
    };

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    RouterFunction<ServerResponse> webAppRoutes() {
        Resource index = new ClassPathResource("META-INF/resources/index.html");
        RequestPredicate appPaths = null;
        for (String path : APP_PATHS) {
            RequestPredicate predicate = GET(path).or(HEAD(path));
            appPaths = appPaths == null ? predicate : appPaths.or(predicate);
        }
        return RouterFunctions.route(appPaths, request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(index));
    }
}
