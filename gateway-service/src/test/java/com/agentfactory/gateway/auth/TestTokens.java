package com.agentfactory.gateway.auth;

import com.agentfactory.gateway.access.Role;
import com.agentfactory.gateway.user.User;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Lets tests outside this package mint tokens through the real {@link TokenService}. */
public final class TestTokens {

    private final TokenService tokens;

    private TestTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    public static TestTokens from(ApplicationContext context) {
        return new TestTokens(context.getBean(TokenService.class));
    }

    public String accessTokenFor(User user) {
        return tokens.issueAccessToken(user.id().toString(), user.email(), List.of(user.role()), user.customerId())
                .value();
    }

    public String systemAgentToken(String clientId) {
        return tokens.issueAccessToken(clientId, null, List.of(Role.SYSTEM_AGENT), null)
                .value();
    }
}
