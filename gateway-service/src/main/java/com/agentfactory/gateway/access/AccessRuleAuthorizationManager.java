package com.agentfactory.gateway.access;

import com.agentfactory.access.AccessDecision;
import com.agentfactory.access.AccessRules;
import com.agentfactory.access.AccessSubject;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Plugs the access-rule table into Spring Security; a denial turns into 401 for anonymous callers and 403 for
 * authenticated ones.
 */
@Component
public class AccessRuleAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final AccessRules rules = AccessRules.platform();

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(AccessRuleAuthorizationManager::toSubject)
                .defaultIfEmpty(AccessSubject.ANONYMOUS)
                .map(subject ->
                        new AuthorizationDecision(rules.evaluate(method, path, subject) != AccessDecision.DENIED));
    }

    private static AccessSubject toSubject(Authentication authentication) {
        String customerId = authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString("customer_id")
                : null;
        return AccessSubject.fromToken(
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList(),
                customerId);
    }
}
