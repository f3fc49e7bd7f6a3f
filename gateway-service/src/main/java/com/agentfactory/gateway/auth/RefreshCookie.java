package com.agentfactory.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cookie that ties a sign-in's refresh tokens to the browser they were handed out to: every reply that hands out
 * a refresh token (sign-in, sign-up, refresh) sets it, HttpOnly and SameSite=Strict, for the auth endpoints only,
 * holding a random value of which the gateway keeps a hash with the token.
 *
 * <p>A spent refresh token presented again shortly after its use is answered with a fresh pair only when the request
 * carries the cookie handed out with that token or with its successor, as the browser whose reply was lost does. A
 * copy of the token taken from a log, a disk, a backup or another machine comes without the cookie and is taken for a
 * thief's, which ends the sign-in at once instead of at the owner's next refresh. A first use of a token does not ask
 * for it, so clients without a cookie jar keep refreshing; they only get no retry after a lost reply.
 *
 * <p>It does not stop a script running inside the page: the browser adds the cookie to that script's requests as to
 * the page's own. Nor does it stop whoever copies the browser's cookies along with the token.
 */
final class RefreshCookie {

    static final String NAME = "refresh_browser";
    static final String PATH = "/api/v1/auth";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RefreshCookie() {}

    static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
