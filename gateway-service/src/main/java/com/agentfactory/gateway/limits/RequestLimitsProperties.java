package com.agentfactory.gateway.limits;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize the largest declared Content-Length the gateway passes on to a service; bodies the gateway reads
 *     itself are capped lower by {@code spring.http.codecs.max-in-memory-size}. The request line and header limits
 *     are Netty's: {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size}.
 */
@ConfigurationProperties("agentfactory.request-limits")
@Validated
record RequestLimitsProperties(@NotNull DataSize maxBodySize) {}
