package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.autoconfigure.HttpCodecsProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.HandlerMapping;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestLimitsConfiguration {

    private static final String HANDLER_NAME = "agentfactory.oversizedRequest";

    @Bean
    NettyServerCustomizer oversizedRequestProblems(JsonMapper jsonMapper) {
        OversizedRequestHandler handler = new OversizedRequestHandler(jsonMapper);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // only HTTP/1.1 connections carry the traffic handler that would answer with an empty body
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER_NAME, handler);
            }
        });
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    BodySizeWebFilter bodySizeWebFilter(
            RequestLimitsProperties properties,
            HttpCodecsProperties codecs,
            @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers,
            ProblemDetailWriter writer) {
        // unset, the codecs keep Spring's default of 256 KB
        DataSize maxOwnBodySize =
                codecs.getMaxInMemorySize() == null ? DataSize.ofKilobytes(256) : codecs.getMaxInMemorySize();
        return new BodySizeWebFilter(properties, maxOwnBodySize, controllers, writer);
    }
}
