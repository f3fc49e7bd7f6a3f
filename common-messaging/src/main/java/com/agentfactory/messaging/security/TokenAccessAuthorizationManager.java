package com.agentfactory.messaging.security;

import com.agentfactory.access.AccessDecision;
import com.agentfactory.access.AccessRules;
import com.agentfactory.access.AccessSubject;
import com.agentfactory.access.Role;
import com.agentfactory.messaging.identity.Caller;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The platform's access-rule table checked again at the service, behind the gateway: a valid token whose roles the
 * table does not admit to the operation is refused here too (403), so a token that reaches a service port by
 * another way than the gateway's route gets no more than the gateway would give it. Unlike the gateway, a path the
 * table does not cover is refused: an operation without a rule is reachable by nobody.
 */
final class TokenAccessAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessRules rules;

    TokenAccessAuthorizationManager(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        var request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AccessDecision decision = rules.evaluate(request.getMethod(), path, subject(TokenCallers.of(token.getToken())));
        return new AuthorizationDecision(decision == AccessDecision.GRANTED);
    }

    /** The gateway's visitor token stands for a caller who is not signed in: the table's anonymous column. */
    private static AccessSubject subject(Caller caller) {
        if (!caller.isAuthenticated()) {
            return AccessSubject.ANONYMOUS;
        }
        Set<Role> roles = caller.roles().stream()
                .flatMap(role -> Role.parse(role).stream())
                .collect(Collectors.toUnmodifiableSet());
        return AccessSubject.of(roles, caller.customerId());
    }
}
