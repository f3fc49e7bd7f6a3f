package com.agentfactory.gateway.clientaddress;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    // Applied after Spring Boot's own forwarded-header setting, so this one decides: no proxy trusted means no
    // forwarded header is read at all, even where Boot would have turned Reactor Netty's handler on for Kubernetes.
    @Bean
    NettyServerCustomizer trustedProxyForwardedHeaders(ClientAddressProperties properties) {
        int hops = properties.trustedProxyHops();
        return server -> hops == 0 ? server.forwarded(false) : server.forwarded(new TrustedProxyForwardedHeaders(hops));
    }
}
