package com.agentfactory.gateway.access;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

    private final AccessRuleEvaluator evaluator;

    AccessRuleAuthorizationManager(AccessProperties properties) {
        this.evaluator = new AccessRuleEvaluator(properties.rules());
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(AccessRuleAuthorizationManager::toCaller)
                .defaultIfEmpty(Caller.ANONYMOUS)
                .map(caller ->
                        new AuthorizationDecision(evaluator.evaluate(method, path, caller) != AccessDecision.DENIED));
    }

    private static Caller toCaller(Authentication authentication) {
        Set<Role> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .flatMap(authority -> Role.parse(authority.substring("ROLE_".length())).stream())
                .collect(Collectors.toUnmodifiableSet());
        UUID customerId = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String claim = jwt.getToken().getClaimAsString("customer_id");
            if (claim != null) {
                try {
                    customerId = UUID.fromString(claim);
                } catch (IllegalArgumentException ignored) {
                    // a customer id that is not a UUID matches no path, so it grants nothing
                }
            }
        }
        return Caller.of(roles, customerId);
    }
}
