package com.agentfactory.gateway.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

class TrustedProxyForwardedHeadersTest {

    private final TrustedProxyForwardedHeaders oneProxy = new TrustedProxyForwardedHeaders(1);

    @Test
    void takesTheEntryTheTrustedProxyAppendedNotTheOnesTheClientSent() {
        assertThat(oneProxy.clientAddress(List.of("192.0.2.99, 10.0.0.1", "198.51.100.7")))
                .contains(InetAddress.ofLiteral("198.51.100.7"));
        assertThat(new TrustedProxyForwardedHeaders(2).clientAddress(List.of("192.0.2.99, 198.51.100.7, 10.1.2.3")))
                .contains(InetAddress.ofLiteral("198.51.100.7"));
    }

    @Test
    void takesTheLeftmostEntryWhenThereAreFewerEntriesThanTrustedProxies() {
        assertThat(new TrustedProxyForwardedHeaders(2).clientAddress(List.of("198.51.100.7")))
                .contains(InetAddress.ofLiteral("198.51.100.7"));
    }

    @Test
    void readsAddressesWithPortsAndIpv6() {
        assertThat(oneProxy.clientAddress(List.of("198.51.100.7:4711")))
                .contains(InetAddress.ofLiteral("198.51.100.7"));
        assertThat(oneProxy.clientAddress(List.of("2001:db8::7"))).contains(InetAddress.ofLiteral("2001:db8::7"));
        assertThat(oneProxy.clientAddress(List.of("[2001:db8::7]:4711")))
                .contains(InetAddress.ofLiteral("2001:db8::7"));
    }

    @Test
    void keepsThePeerWhenTheHeaderIsMissingOrTheTrustedEntryIsNoAddress() {
        assertThat(oneProxy.clientAddress(List.of())).isEmpty();
        assertThat(oneProxy.clientAddress(List.of(" , "))).isEmpty();
        assertThat(oneProxy.clientAddress(List.of("198.51.100.7, unknown"))).isEmpty();
        assertThat(oneProxy.clientAddress(List.of("198.51.100.7, example.com"))).isEmpty();
    }

    @Test
    void takesTheSchemeTheTrustedProxySawAndOnlyHttpOrHttps() {
        assertThat(oneProxy.scheme(List.of("http, HTTPS"))).contains("https");
        assertThat(oneProxy.scheme(List.of("https, gopher"))).isEmpty();
    }

    @Test
    void refusesZeroTrustedProxies() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxyForwardedHeaders(0));
    }

    @Test
    void readsNoForwardedHeaderWhenNoProxyIsTrustedEvenIfSpringBootSwitchedItsHandlerOn() {
        var customizer = new ClientAddressConfiguration().trustedProxyForwardedHeaders(new ClientAddressProperties(0));

        HttpServer server = customizer.apply(HttpServer.create().forwarded(true));

        assertThat(server.configuration().isForwarded()).isFalse();
    }
}
