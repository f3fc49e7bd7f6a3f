package com.agentfactory.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver answers every Authorization header as Spring Security's default resolver does. */
class HeaderBearerTokenResolverTest {

    private static final String JWT =
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGllbnQiLCJyb2xlcyI6WyJTRVJWSUNFIl19.c2lnbmF0dXJl";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new HeaderBearerTokenResolver();

    @Test
    void resolvesEverySchemeAndTokenCombinationAsSpringSecuritysResolver() {
        List<String> schemes =
                List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearer\t", "Basic ", "Token ", "");
        List<String> tokens =
                List.of(JWT, "abc==", "a+b/c~d_e-f.g", "=", "==abc", "abc=d", "", "a b", "abc$", "jöhn", JWT + " ");
        for (String scheme : schemes) {
            for (String token : tokens) {
                String header = scheme + token;
                assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(spring, header));
            }
        }
        assertThat(outcome(ours, "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(ours, "Bearer a b")).isEqualTo("refused invalid_token");
        assertThat(outcome(ours, "Basic abc==")).isEqualTo("none");
    }

    @Test
    void takesNoTokenFromTheQueryOrWithoutAHeader() {
        MockHttpServletRequest withQuery = new MockHttpServletRequest("GET", "/api/v1/agents/tasks");
        withQuery.setParameter("access_token", "abc");
        withQuery.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + JWT);
        MockHttpServletRequest queryOnly = new MockHttpServletRequest("GET", "/api/v1/agents/tasks");
        queryOnly.setParameter("access_token", "abc");

        assertThat(ours.resolve(withQuery)).isEqualTo(JWT).isEqualTo(spring.resolve(withQuery));
        assertThat(ours.resolve(queryOnly)).isNull();
        assertThat(spring.resolve(queryOnly)).isNull();
    }

    private static String outcome(BearerTokenResolver resolver, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/agents/tasks");
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode();
        }
    }
}
