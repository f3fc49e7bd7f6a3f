package com.agentfactory.gateway.routing;

import com.agentfactory.gateway.auth.VisitorToken;
import com.agentfactory.gateway.tracing.RequestTrace;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Applies {@link DownstreamHeaders} to every routed request. */
@Component
class IdentityHeadersGlobalFilter implements GlobalFilter, Ordered {

    private final VisitorToken visitorToken;

    IdentityHeadersGlobalFilter(VisitorToken visitorToken) {
        this.visitorToken = visitorToken;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RequestTrace trace = RequestTrace.of(exchange);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication ->
                        ((JwtAuthenticationToken) authentication).getToken().getTokenValue())
                .switchIfEmpty(Mono.fromSupplier(visitorToken::value))
                .map(token -> forward(exchange, trace, token))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forward(ServerWebExchange exchange, RequestTrace trace, String token) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> DownstreamHeaders.rewrite(headers, trace, token)))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
