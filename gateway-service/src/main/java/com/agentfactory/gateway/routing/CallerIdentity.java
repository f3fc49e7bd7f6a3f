package com.agentfactory.gateway.routing;

import java.util.List;

/** The identity a downstream service may trust, taken from the validated token only. */
record CallerIdentity(String userId, List<String> roles, String customerId) {

    CallerIdentity {
        roles = List.copyOf(roles);
    }
}
