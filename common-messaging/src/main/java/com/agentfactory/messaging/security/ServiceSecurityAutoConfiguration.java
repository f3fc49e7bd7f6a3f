package com.agentfactory.messaging.security;

import com.agentfactory.access.AccessRules;
import com.agentfactory.access.FirewallCharacters;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestTemplate;

/**
 * Zero trust between services: a request reaches a controller only with a bearer token the gateway signed (a
 * person's, a service client's, or the gateway's own for a visitor), checked here for signature, expiry, issuer
 * and audience; identity headers count for nothing. The caller's roles are then checked against the platform's
 * access-rule table, as the gateway did. Refusals are problem details. Probes, metrics and the API
 * documents stay open, as the gateway serves them.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    /** The detail of a refusal by the access rules, as opposed to a service's own refusal of a caller. */
    public static final String ROLE_REFUSED_DETAIL = "Your role does not allow this request.";

    private static final List<String> OPEN_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/error");
    // one entry per caller with a live token; a few MiB at most
    private static final long VERIFIED_TOKENS_CACHED = 4_096;
    private static final Duration KEY_SET_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEY_SET_READ_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder serviceJwtDecoder(ServiceSecurityProperties properties) {
        NimbusJwtDecoder decoder;
        if (properties.pinsPublicKey()) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } else {
            var requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(KEY_SET_CONNECT_TIMEOUT);
            requests.setReadTimeout(KEY_SET_READ_TIMEOUT);
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .restOperations(new RestTemplate(requests))
                    .build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<String>(TokenCallers.CLAIM_TOKEN_TYPE, TokenCallers.tokenTypes()::contains),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        // token lifetimes are real time, whatever clock the service's domain runs on (tests move theirs)
        return new CachingJwtDecoder(decoder, VERIFIED_TOKENS_CACHED, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(ServiceSecurityProperties properties, ObjectProvider<Clock> clock) {
        return new ServiceTokens(properties.client(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain serviceSecurityFilterChain(
            HttpSecurity http, JwtDecoder decoder, ServiceSecurityProperties properties) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            boolean badToken = exception instanceof OAuth2AuthenticationException;
            response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            Problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    badToken
                            ? "The access token is invalid or expired."
                            : "Authentication is required: send a bearer access token.");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                Problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", ROLE_REFUSED_DETAIL);
        List<String> open = new java.util.ArrayList<>(OPEN_PATHS);
        open.addAll(properties.publicPaths());
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .access(new TokenAccessAuthorizationManager(AccessRules.platform())))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    FilterRegistrationBean<TokenVerificationUnavailableFilter> tokenVerificationUnavailableFilter() {
        var registration = new FilterRegistrationBean<>(new TokenVerificationUnavailableFilter());
        // just outside Spring Security's filter chain (DEFAULT_FILTER_ORDER, -100)
        registration.setOrder(-101);
        return registration;
    }

    /**
     * Spring Security's strict firewall with its default rules, the characters of names and values tested without
     * regular expressions ({@link FirewallCharacters}).
     */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        FirewallCharacters.apply(
                firewall::setAllowedHeaderNames, firewall::setAllowedHeaderValues, firewall::setAllowedParameterNames);
        return firewall;
    }

    /**
     * The firewall's refusals (an encoded semicolon, slash or NUL in the path) answered as problem details like
     * every other error; by default they end as Boot's plain error document.
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(
                response,
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The request address holds characters that are not allowed.");
    }

    static RSAPublicKey publicKey(String base64) {
        try {
            String body = base64.replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("agentfactory.security.public-key is not an X.509 RSA public key", e);
        }
    }
}
