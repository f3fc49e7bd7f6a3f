package com.agentfactory.messaging.security;

import com.agentfactory.messaging.identity.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current request, read from its verified token and from nothing else. */
public final class TokenCallers {

    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_CUSTOMER_ID = "customer_id";
    static final String CLAIM_CLIENT_ID = "client_id";
    static final String CLAIM_TOKEN_TYPE = "token_type";
    static final String ACCESS = "access";
    static final String ANONYMOUS = "anonymous";

    private TokenCallers() {}

    /** The current request's caller; anonymous when the request carries no verified token of a person or client. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? of(token.getToken()) : Caller.anonymous();
    }

    /**
     * A person's token names the user, their roles and (customers) their customer id; a service client's token
     * names the client, which acts as the platform's agent; the gateway's visitor token names nobody.
     */
    static Caller of(Jwt jwt) {
        if (!ACCESS.equals(jwt.getClaimAsString(CLAIM_TOKEN_TYPE))) {
            return Caller.anonymous();
        }
        List<String> roles = jwt.getClaimAsStringList(CLAIM_ROLES);
        String roleList = roles == null ? null : String.join(",", roles);
        String clientId = jwt.getClaimAsString(CLAIM_CLIENT_ID);
        if (clientId != null) {
            return Caller.parse(null, roleList, null, clientId);
        }
        return Caller.parse(jwt.getSubject(), roleList, jwt.getClaimAsString(CLAIM_CUSTOMER_ID), null);
    }

    static Set<String> tokenTypes() {
        return Set.of(ACCESS, ANONYMOUS);
    }
}
