package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
    BodySizeWebFilter bodySizeWebFilter(RequestLimitsProperties properties, ProblemDetailWriter writer) {
        return new BodySizeWebFilter(properties, writer);
    }
}
