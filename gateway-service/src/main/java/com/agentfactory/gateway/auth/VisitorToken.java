package com.agentfactory.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The gateway's token for requests its access rules admit without one (product pages, storefront events, sign-up
 * pages): services authenticate every request, so the gateway vouches that such a request passed it. One token
 * serves every visitor until half its life is gone, so a visitor's request costs no signature.
 */
@Component
public class VisitorToken {

    private final TokenService tokens;
    private final Clock clock;
    private volatile Current current;

    VisitorToken(TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String value() {
        Current now = current;
        Instant instant = clock.instant();
        if (now == null || !instant.isBefore(now.renewAt())) {
            IssuedAccessToken issued = tokens.issueAnonymousToken();
            now = new Current(issued.value(), instant.plusSeconds(issued.expiresInSeconds() / 2));
            current = now;
        }
        return now.token();
    }

    private record Current(String token, Instant renewAt) {}
}
