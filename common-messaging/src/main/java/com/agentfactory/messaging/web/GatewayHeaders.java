package com.agentfactory.messaging.web;

import com.agentfactory.messaging.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The identity headers the gateway sets on a request it has authenticated, read in one place. The gateway
 * removes them from outside requests before it sets its own.
 */
public final class GatewayHeaders {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLES = "X-User-Roles";
    public static final String CUSTOMER_ID = "X-Customer-Id";
    public static final String AGENT_ID = "X-Agent-Id";

    private GatewayHeaders() {}

    public static Caller caller(HttpServletRequest request) {
        return Caller.parse(
                request.getHeader(USER_ID),
                request.getHeader(USER_ROLES),
                request.getHeader(CUSTOMER_ID),
                request.getHeader(AGENT_ID));
    }
}
