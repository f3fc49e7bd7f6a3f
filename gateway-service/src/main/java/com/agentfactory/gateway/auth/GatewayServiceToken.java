package com.agentfactory.gateway.auth;

import org.springframework.stereotype.Component;

/** The gateway's own service-client token (role SYSTEM_AGENT), for the calls it makes to the services itself. */
@Component
public class GatewayServiceToken {

    /** The client id the services see on the gateway's own calls. */
    public static final String CLIENT_ID = "gateway";

    private final TokenService tokens;

    GatewayServiceToken(TokenService tokens) {
        this.tokens = tokens;
    }

    /** A fresh token: issuing one is a local signature, so callers need not cache it. */
    public String issue() {
        return tokens.issueClientToken(CLIENT_ID).value();
    }
}
