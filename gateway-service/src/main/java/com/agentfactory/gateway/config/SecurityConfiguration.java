package com.agentfactory.gateway.config;

import com.agentfactory.access.FirewallCharacters;
import com.agentfactory.gateway.access.AccessRuleAuthorizationManager;
import com.agentfactory.gateway.error.ProblemDetailWriter;
import com.agentfactory.gateway.ratelimit.RateLimitFilterHolder;
import com.agentfactory.gateway.ratelimit.RateLimitWebFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Stateless bearer-token security: every request is decided by the access-rule table, and every refusal is a
 * problem detail (401 without or with a bad token, 403 with a token that lacks the role).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The actuator's own port, when it has one: Prometheus scrapes it without a token, as it scrapes the services.
     * It is reached only from inside the cluster (no Service or Ingress routes it, a network policy admits
     * Prometheus alone), so the access rules, the rate limiter and the bearer tokens of the public port stay out of
     * it. Without a separate port nothing matches and the actuator answers on the public port under the access rules.
     *
     * <p>The management server's dispatcher also finds the application's handlers (the gateway's routes, the auth and
     * user endpoints): everything but the actuator is refused here as not found, or the API would be open on this
     * port without a token and without a rate limit.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPortFilterChain(
            ServerHttpSecurity http, ManagementPort managementPort, ProblemDetailWriter problemWriter) {
        ServerAuthenticationEntryPoint notFound = (exchange, ex) -> problemWriter.write(
                exchange,
                ProblemDetailWriter.problem(HttpStatus.NOT_FOUND, "Not Found", "This port serves the actuator only."));
        return http.securityMatcher(exchange -> managementPort.received(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator", "/actuator/**")
                        .permitAll()
                        .anyExchange()
                        .denyAll())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(notFound)
                        .accessDeniedHandler((exchange, denied) -> notFound.commence(exchange, null)))
                .build();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            AccessRuleAuthorizationManager accessRules,
            ReactiveJwtDecoder jwtDecoder,
            RateLimitFilterHolder rateLimit,
            ObjectProvider<AppFiles> appFiles,
            ProblemDetailWriter problemWriter) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
            boolean badToken = ex instanceof OAuth2AuthenticationException;
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problemWriter.write(
                    exchange,
                    ProblemDetailWriter.problem(
                            HttpStatus.UNAUTHORIZED,
                            "Unauthorized",
                            badToken
                                    ? "The access token is invalid or expired."
                                    : "Authentication is required: send a bearer access token."));
        };
        // a refused bearer token ends the chain before the rate limiter runs, so it is charged on the way out
        ServerAuthenticationEntryPoint refusedToken = (exchange, ex) ->
                rateLimit.filter().chargeRefusedToken(exchange, Mono.defer(() -> unauthorized.commence(exchange, ex)));
        ServerAccessDeniedHandler forbidden = (exchange, ex) -> problemWriter.write(
                exchange,
                ProblemDetailWriter.problem(
                        HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request."));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(accessRules))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenHeaderConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(refusedToken)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterAfter(
                        appFilesInTheirOwnBucket(rateLimit.filter(), appFiles.getIfAvailable()),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * Spring Security's strict firewall with its default rules, the characters of names and values tested without regular
     * expressions ({@link FirewallCharacters}).
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        FirewallCharacters.apply(
                firewall::setAllowedHeaderNames, firewall::setAllowedHeaderValues, firewall::setAllowedParameterNames);
        return firewall;
    }

    /**
     * The firewall's refusals (an encoded slash, semicolon or NUL in the path) answered as problem details like
     * every other error; by default they are a 400 without a body.
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemDetailWriter problemWriter) {
        return (exchange, rejected) -> problemWriter.write(
                exchange,
                ProblemDetailWriter.problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "The request address holds characters that are not allowed."));
    }

    /**
     * The app's page and bundles are fetched without a token, a dozen at a time at every start of the app: charged to
     * the anonymous bucket, they would empty it for an address many people share (an office, a carrier's NAT) and
     * leave them with a blank page. They are cheap static files, so they get a far larger bucket of their own, which
     * still stops a flood of them and leaves the API buckets alone.
     */
    private static WebFilter appFilesInTheirOwnBucket(RateLimitWebFilter rateLimit, AppFiles appFiles) {
        if (appFiles == null) {
            return rateLimit;
        }
        return (exchange, chain) -> appFiles.matches(exchange.getRequest())
                ? rateLimit.filterAppFile(exchange, chain)
                : rateLimit.filter(exchange, chain);
    }

    private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
