package com.agentfactory.gateway.config;

/**
 * The characters Spring Security's {@code StrictServerWebExchangeFirewall} allows by default in header and parameter
 * names and in header values (assigned code points that are not control characters; a tab too in header values),
 * tested without its regular expressions: matching them on every header of every request, the bearer token's several hundred characters
 * included, cost about 4% of the gateway's CPU per proxied request in a profile.
 */
final class FirewallCharacters {

    private FirewallCharacters() {}

    static boolean allowedInName(String name) {
        return assignedAndNotControl(name, false);
    }

    static boolean allowedInHeaderValue(String value) {
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
