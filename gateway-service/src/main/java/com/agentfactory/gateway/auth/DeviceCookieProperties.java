package com.agentfactory.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The device cookie a successful sign-in leaves in the browser (see {@link DeviceCookies}).
 *
 * @param key the HMAC key the cookies are signed with, at least 32 characters; blank means a key generated per start,
 *     so that cookies die with the process and other instances do not honour them
 * @param secure marks the cookie Secure also on plain http requests, for a TLS-terminating proxy that does not send
 *     X-Forwarded-Proto; an https request (as X-Forwarded-Proto tells behind trusted proxies) always gets it
 */
@ConfigurationProperties("agentfactory.auth.device-cookie")
record DeviceCookieProperties(String key, boolean secure) {

    @Override
    public String toString() {
        return "DeviceCookieProperties[secure=" + secure + "]";
    }
}
