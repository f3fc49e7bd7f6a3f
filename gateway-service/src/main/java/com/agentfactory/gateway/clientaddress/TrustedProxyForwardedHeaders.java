package com.agentfactory.gateway.clientaddress;

import io.netty.handler.codec.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import reactor.netty.http.server.ConnectionInfo;

/**
 * Takes the client's address from the X-Forwarded-For entry the outermost trusted proxy wrote, counting from the
 * right, and the scheme from X-Forwarded-Proto likewise. Reactor Netty's own handler (server.forward-headers-strategy
 * NATIVE, which Spring Boot also switches on by itself when it detects Kubernetes) and Spring's FRAMEWORK one both take
 * the leftmost entry and prefer an RFC 7239 Forwarded header; ingress-nginx passes a client's Forwarded header through
 * untouched and, with compute-full-forwarded-for, keeps the client's own X-Forwarded-For entries in front of the one it
 * adds, so either would let a client choose its own rate-limit bucket and audited address.
 */
final class TrustedProxyForwardedHeaders implements BiFunction<ConnectionInfo, HttpRequest, ConnectionInfo> {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final int trustedProxyHops;

    TrustedProxyForwardedHeaders(int trustedProxyHops) {
        if (trustedProxyHops < 1) {
            throw new IllegalArgumentException("at least one trusted proxy, was " + trustedProxyHops);
        }
        this.trustedProxyHops = trustedProxyHops;
    }

    @Override
    public ConnectionInfo apply(ConnectionInfo connection, HttpRequest request) {
        ConnectionInfo forwarded = connection;
        InetSocketAddress peer = connection.getRemoteAddress();
        Optional<InetAddress> client = clientAddress(request.headers().getAll(FORWARDED_FOR));
        if (client.isPresent()) {
            forwarded =
                    forwarded.withRemoteAddress(new InetSocketAddress(client.get(), peer == null ? 0 : peer.getPort()));
        }
        Optional<String> scheme = scheme(request.headers().getAll(FORWARDED_PROTO));
        if (scheme.isPresent()) {
            forwarded = forwarded.withScheme(scheme.get());
        }
        return forwarded;
    }

    /**
     * The entry the outermost trusted proxy appended; when there are fewer entries than trusted proxies, all of them
     * were written by trusted proxies and the leftmost is the closest to the client. Empty when there is no header or
     * the chosen entry is no IP address, and the peer stays the client.
     */
    Optional<InetAddress> clientAddress(List<String> forwardedFor) {
        return trustedEntry(forwardedFor).flatMap(TrustedProxyForwardedHeaders::ipLiteral);
    }

    Optional<String> scheme(List<String> forwardedProto) {
        return trustedEntry(forwardedProto)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("http") || value.equals("https"));
    }

    private Optional<String> trustedEntry(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entries.get(Math.max(0, entries.size() - trustedProxyHops)));
    }

    // A literal only, never a name: resolving a header value would let a client make the gateway look up DNS.
    private static Optional<InetAddress> ipLiteral(String entry) {
        String address = entry;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? address : address.substring(1, end);
        } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        try {
            return Optional.of(InetAddress.ofLiteral(address));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
