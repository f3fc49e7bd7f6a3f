package com.agentfactory.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.identity.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenCallersTest {

    @Test
    void readsAPersonsIdentityRolesAndCustomerFromTheToken() {
        UUID customer = UUID.randomUUID();

        Caller caller = TokenCallers.of(token(customer.toString(), "access", List.of("CUSTOMER"), customer, null));

        assertThat(caller.userId()).isEqualTo(customer.toString());
        assertThat(caller.roles()).containsExactly("CUSTOMER");
        assertThat(caller.customerId()).isEqualTo(customer);
        assertThat(caller.agentId()).isNull();
    }

    @Test
    void readsAServiceClientAsTheActingAgent() {
        Caller caller = TokenCallers.of(token("ad-agent", "access", List.of("SYSTEM_AGENT"), null, "ad-agent"));

        assertThat(caller.userId()).isNull();
        assertThat(caller.agentId()).isEqualTo("ad-agent");
        assertThat(caller.hasRole(Caller.SYSTEM_AGENT)).isTrue();
        assertThat(caller.actorName()).isEqualTo("agent:ad-agent");
    }

    @Test
    void readsTheGatewaysVisitorTokenAsNobody() {
        Caller caller = TokenCallers.of(token("anonymous", "anonymous", List.of(), null, null));

        assertThat(caller.isAuthenticated()).isFalse();
        assertThat(caller.roles()).isEmpty();
    }

    @Test
    void isAnonymousOutsideAnAuthenticatedRequest() {
        assertThat(TokenCallers.current().isAuthenticated()).isFalse();
    }

    private static Jwt token(String subject, String type, List<String> roles, UUID customer, String clientId) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("token_type", type)
                .claim("roles", roles);
        if (customer != null) {
            jwt.claim("customer_id", customer.toString());
        }
        if (clientId != null) {
            jwt.claim("client_id", clientId);
        }
        return jwt.build();
    }
}
