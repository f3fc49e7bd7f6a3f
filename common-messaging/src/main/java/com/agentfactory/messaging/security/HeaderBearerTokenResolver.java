package com.agentfactory.messaging.security;

import com.agentfactory.access.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the Authorization header, answered as Spring Security's {@code DefaultBearerTokenResolver} does
 * with its defaults (no token from the query or a form body), read by {@link BearerTokens} instead of its regular
 * expression.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!BearerTokens.isBearer(authorization)) {
            return null;
        }
        String token = BearerTokens.token(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }
}
