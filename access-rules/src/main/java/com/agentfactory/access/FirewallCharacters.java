package com.agentfactory.access;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The characters Spring Security's strict firewalls ({@code StrictHttpFirewall}, {@code
 * StrictServerWebExchangeFirewall}) allow by default in header and parameter names and in header values (assigned code
 * points that are not control characters; a tab too in header values), tested without their regular expressions:
 * matching them on every header read, the bearer token's several hundred characters included, cost about 3% of the
 * supervisor's CPU per task and 1% of the gateway's per proxied request in profiles.
 */
public final class FirewallCharacters {

    private FirewallCharacters() {}

    /** Gives a strict firewall (servlet or reactive, which share no type) these rules through its three setters. */
    public static void apply(
            Consumer<Predicate<String>> headerNames,
            Consumer<Predicate<String>> headerValues,
            Consumer<Predicate<String>> parameterNames) {
        headerNames.accept(FirewallCharacters::allowedInName);
        headerValues.accept(FirewallCharacters::allowedInHeaderValue);
        parameterNames.accept(FirewallCharacters::allowedInName);
    }

    public static boolean allowedInName(String name) {
        return assignedAndNotControl(name, false);
    }

    public static boolean allowedInHeaderValue(String value) {
        return assignedAndNotControl(value, true);
    }

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        if (text == null) {
            // as the firewall's own predicates: an absent value (a parameter without one) is allowed
            return true;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // printable ASCII: assigned and not a control character
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
