package com.agentfactory.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The cookie that ties a sign-in's refresh tokens to the browser they were handed out to: every reply that hands out
 * a refresh token (sign-in, sign-up, refresh) sets it, HttpOnly and SameSite=Strict, for the auth endpoints only,
 * holding a random value of which the gateway keeps a hash with the token.
 *
 * <p>The value is made once per browser and kept until a sign-out: a request that carries it gets it back. A browser
 * holds one such cookie for all its sign-ins, and whichever reply comes last sets it, so a new value per reply would
 * leave a sign-in whose reply was overtaken (another tab signing in or refreshing at the same time) without the cookie
 * its tokens know, and its next retry after a lost reply would end it. A sign-out expires it, so that a copy taken
 * once does not vouch for every later sign-in of that browser: the next sign-in makes a new value.
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
    // the form newValue makes: anything else a request carries is never written back into a Set-Cookie header
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private RefreshCookie() {}

    /** The value the request carried, when it is of the form the gateway hands out; a new one otherwise. */
    static String keptOrNew(String presented) {
        return presented != null && VALUE.matcher(presented).matches() ? presented : newValue();
    }

    private static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
