package com.agentfactory.gateway.config;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests for the single-page app's own files: its page at any of its paths, and its bundles. Read-only, the
 * same for everyone and carrying no token, so they are limited in a generous bucket of their own instead of the API's
 * buckets; and documents of the app, so they carry its Content-Security-Policy.
 */
final class AppFiles {

    /**
     * What the built app needs and no more: its page loads only its own scripts (no inline script, no eval), its
     * stylesheet and charts set inline styles, and the sandboxed e-mail previews (srcdoc frames inherit this policy)
     * hold what real e-mails use, so they look as they do to their recipients: inline styles and stylesheets, images
     * and web fonts from anywhere on https or inlined as data. It is framed by nobody, so its tokens cannot be clicked
     * away from under a disguise.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline' https:",
            "img-src 'self' data: https:",
            "font-src 'self' https: data:",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    private final List<PathPattern> patterns;

    AppFiles(String assets, String... pages) {
        this.patterns = Stream.concat(Stream.of(assets), Stream.of(pages))
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** GET and HEAD only: anything else sent to these paths is answered, and limited, like any other request. */
    boolean matches(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        var path = request.getPath().pathWithinApplication();
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
