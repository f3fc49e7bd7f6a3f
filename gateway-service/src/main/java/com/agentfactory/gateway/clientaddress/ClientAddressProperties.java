package com.agentfactory.gateway.clientaddress;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxyHops how many reverse proxies in front of the gateway each append the address they were called
 *     from to X-Forwarded-For (1 behind ingress-nginx). 0, the default, trusts no header and takes the socket peer
 *     as the client, which is right only when clients connect to the gateway directly.
 */
@ConfigurationProperties("agentfactory.client-address")
@Validated
record ClientAddressProperties(@PositiveOrZero int trustedProxyHops) {}
