package com.agentfactory.recommendation.access;

import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.identity.Caller;
import java.util.UUID;

/**
 * A customer sees only its own recommendation lists: another customer's (which reveal what they browsed and the
 * abandoned cart) answer 404, as if there were none. The merchandising rules and margins are the business's:
 * marketing managers, administrators and the platform's services. A caller with no role at all is a direct call
 * the gateway did not authenticate; these checks leave that to the platform's service authentication.
 */
public final class CallerAccess {

    private CallerAccess() {}

    public static void requireOwnOrStaff(Caller caller, UUID customerId) {
        if (isCustomerOnly(caller) && !customerId.equals(caller.customerId())) {
            throw new NotFoundException("No recommendations for this user.");
        }
    }

    /** For an optional user id: none at all is always allowed. */
    public static void requireOwnOrStaffIfGiven(Caller caller, UUID customerId) {
        if (customerId != null) {
            requireOwnOrStaff(caller, customerId);
        }
    }

    public static void requireMerchandiser(Caller caller) {
        if (!caller.roles().isEmpty()
                && !caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SYSTEM_AGENT)) {
            throw new NotPermittedException(
                    "Merchandising rules, margins and batch lists are for marketing managers and administrators.");
        }
    }

    private static boolean isCustomerOnly(Caller caller) {
        return caller.hasRole(Caller.CUSTOMER)
                && !caller.hasAnyRole(
                        Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SUPPORT_AGENT, Caller.SYSTEM_AGENT);
    }
}
