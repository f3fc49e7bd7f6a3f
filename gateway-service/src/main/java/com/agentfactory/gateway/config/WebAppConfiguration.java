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
import org.springframework.web.server.WebFilter;

/**
 * The single-page app from the dashboard jar, on the same origin as the APIs so it calls them without CORS.
 * Its client-side routes (deep links such as /admin/tasks/{id}) all answer index.html, which is never cached so a
 * new deployment is picked up at once; the hashed bundles under /assets never change and are cached for a year.
 * Only the app's own path prefixes are routed here: /api/** stays with the gateway's routes. Its files are
 * served under the app's Content-Security-Policy and limited apart from the API calls ({@link AppFiles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnResource(resources = WebAppConfiguration.INDEX)
class WebAppConfiguration implements WebFluxConfigurer {

    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    static final String INDEX = "classpath:/META-INF/resources/index.html";

    private static final String ASSETS = "/assets/**";

    private static final String[] APP_PATHS = {
        "/", "/login", "/admin", "/admin/**", "/shop", "/shop/**", "/dashboard", "/dashboard/**"
    };

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ASSETS)
                .addResourceLocations("classpath:/META-INF/resources/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    AppFiles appFiles() {
        return new AppFiles(ASSETS, APP_PATHS);
    }

    /** The policy on the app's page and bundles, whichever handler answers them; /docs and the APIs go without. */
    @Bean
    WebFilter appContentSecurityPolicy(AppFiles appFiles) {
        return (exchange, chain) -> {
            if (appFiles.matches(exchange.getRequest())) {
                exchange.getResponse().getHeaders().set(CONTENT_SECURITY_POLICY, AppFiles.CONTENT_SECURITY_POLICY);
            }
            return chain.filter(exchange);
        };
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
