package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceClientsTest {

    private final ServiceClients clients = ServiceClients.parse("ad-agent:s3cret-one, campaign-agent:s3cret:two");

    @Test
    void acceptsConfiguredClientWithItsSecret() {
        assertThat(clients.size()).isEqualTo(2);
        assertThat(clients.authenticate("ad-agent", "s3cret-one")).contains("ad-agent");
        // only the first colon separates id from secret
        assertThat(clients.authenticate("campaign-agent", "s3cret:two")).contains("campaign-agent");
    }

    @Test
    void rejectsWrongSecretUnknownClientAndMissingValues() {
        assertThat(clients.authenticate("ad-agent", "s3cret-two")).isEmpty();
        assertThat(clients.authenticate("unknown", "s3cret-one")).isEmpty();
        assertThat(clients.authenticate(null, "s3cret-one")).isEmpty();
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
}
