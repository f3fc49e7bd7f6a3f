package com.agentfactory.gateway.routing;

import com.agentfactory.gateway.tracing.RequestTrace;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Applies {@link DownstreamHeaders} to every routed request. */
@Component
class IdentityHeadersGlobalFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RequestTrace trace = RequestTrace.of(exchange);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> identity(((JwtAuthenticationToken) authentication).getToken()))
                .map(identity -> forward(exchange, trace, identity))
                .switchIfEmpty(Mono.fromSupplier(() -> forward(exchange, trace, null)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forward(ServerWebExchange exchange, RequestTrace trace, CallerIdentity identity) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> DownstreamHeaders.rewrite(headers, trace, identity)))
                .build();
    }

    private static CallerIdentity identity(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CallerIdentity(
                jwt.getSubject(), roles == null ? List.of() : roles, jwt.getClaimAsString("customer_id"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
