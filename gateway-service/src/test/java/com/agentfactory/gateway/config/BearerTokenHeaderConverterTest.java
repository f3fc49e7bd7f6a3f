package com.agentfactory.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The converter reads the Authorization header exactly as Spring Security's default bearer converter does. */
class BearerTokenHeaderConverterTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19"
            + ".TUVR-dGhpc19pc19hX3NpZ25hdHVyZQ";

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new BearerTokenHeaderConverter();

    @Test
    void answersEveryAuthorizationValueAsSpringSecuritysConverter() {
        List<String> values = List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer abc==",
                "Bearer a+b/c~d_e-f.g",
                "Bearer =",
                "Bearer ==abc",
                "Bearer abc=d",
                "Bearer ",
                "Bearer",
                "Bearerabc",
                "Bearer  " + JWT,
                "Bearer " + JWT + " ",
                "Bearer a b",
                "Bearer abc$",
                "Bearer jöhn",
                "Basic dXNlcjpwYXNz",
                "Token abc",
                "");
        for (String value : values) {
            assertThat(outcome(ours, value)).as(value).isEqualTo(outcome(spring, value));
        }
        assertThat(outcome(ours, "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(ours, "Bearer a b")).isEqualTo("refused invalid_token");
        assertThat(outcome(ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    @Test
    void takesNoTokenFromTheQueryAsSpringSecuritysConverterWithItsDefaults() {
        for (String path : List.of("/api/v1/products?access_token=abc", "/api/v1/products?access_token=")) {
            MockServerWebExchange withHeader = MockServerWebExchange.from(
                    MockServerHttpRequest.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + JWT));
            MockServerWebExchange withoutHeader = MockServerWebExchange.from(MockServerHttpRequest.get(path));

            assertThat(ours.convert(withHeader).blockOptional())
                    .map(found -> ((BearerTokenAuthenticationToken) found).getToken())
                    .contains(JWT)
                    .isEqualTo(spring.convert(withHeader)
                            .blockOptional()
                            .map(found -> ((BearerTokenAuthenticationToken) found).getToken()));
            assertThat(ours.convert(withoutHeader).blockOptional()).isEmpty();
            assertThat(spring.convert(withoutHeader).blockOptional()).isEmpty();
        }
    }

    @Test
    void findsNoTokenWithoutAnAuthorizationHeader() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/products"));
        assertThat(ours.convert(exchange).blockOptional()).isEmpty();
    }

    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/products").header(HttpHeaders.AUTHORIZATION, authorization));
        try {
            Optional<Authentication> authentication =
                    converter.convert(exchange).blockOptional();
            return authentication
                    .map(found -> "token " + ((BearerTokenAuthenticationToken) found).getToken())
                    .orElse("none");
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode();
        }
    }
}
