package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceClientsTest {

    private static final String AD_SECRET = "s3cret-one-for-the-ad-agent-0123456789";
    // only the first colon separates id from secret
    private static final String CAMPAIGN_SECRET = "s3cret:two-for-the-campaign-agent-0123";

    private final ServiceClients clients =
            ServiceClients.parse("ad-agent:" + AD_SECRET + ", campaign-agent:" + CAMPAIGN_SECRET);

    @Test
    void acceptsConfiguredClientWithItsSecret() {
        assertThat(clients.size()).isEqualTo(2);
        assertThat(clients.authenticate("ad-agent", AD_SECRET)).contains("ad-agent");
        assertThat(clients.authenticate("campaign-agent", CAMPAIGN_SECRET)).contains("campaign-agent");
    }

    @Test
    void rejectsWrongSecretUnknownClientAndMissingValues() {
        assertThat(clients.authenticate("ad-agent", CAMPAIGN_SECRET)).isEmpty();
        assertThat(clients.authenticate("unknown", AD_SECRET)).isEmpty();
        assertThat(clients.authenticate(null, AD_SECRET)).isEmpty();
        assertThat(clients.authenticate("ad-agent", null)).isEmpty();
    }

    @Test
    void definesNoClientsByDefault() {
        assertThat(ServiceClients.parse("").size()).isZero();
        assertThat(ServiceClients.parse(null).authenticate("x", "y")).isEmpty();
    }

    @Test
    void refusesEntryWithoutSecret() {
        assertThatThrownBy(() -> ServiceClients.parse("lonely-id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceClients.parse("id:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToStartWithAShortSecretNamingTheClientButNotTheSecret() {
        String placeholder = "change-me-inventory";

        assertThatThrownBy(() -> ServiceClients.parse("ad-agent:" + AD_SECRET + ",inventory-agent:" + placeholder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inventory-agent")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(placeholder);
    }

    @Test
    void acceptsASecretOfExactlyThirtyTwoCharacters() {
        String secret = "x".repeat(32);

        assertThat(ServiceClients.parse("ad-agent:" + secret).authenticate("ad-agent", secret))
                .contains("ad-agent");
    }
}
