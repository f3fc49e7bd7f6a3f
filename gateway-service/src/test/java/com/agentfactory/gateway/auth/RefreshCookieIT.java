package com.agentfactory.gateway.auth;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.ProblemAssertions;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A spent refresh token presented again within the grace is answered with a fresh pair only for the browser it was
 * handed out to, as the refresh cookie tells; a copy of the token from anywhere else ends the sign-in.
 */
class RefreshCookieIT extends GatewayIntegrationTest {

    @Test
    void aRetryAfterALostReplyFromTheBrowserThatSignedInGetsFreshTokensOfTheSameSignIn() {
        Handout signedIn = signedIn("lost-reply");
        okBody(refresh(signedIn.refreshToken(), signedIn.cookie()));

        Handout retried = handout(refresh(signedIn.refreshToken(), signedIn.cookie()));

        assertThat(retried.refreshToken()).isNotEqualTo(signedIn.refreshToken());
        okBody(refresh(retried.refreshToken(), retried.cookie()));
    }

    @Test
    void aRetryWithTheCookieOfTheLostReplyGetsFreshTokens() {
        Handout signedIn = signedIn("lost-body");
        // the browser took the cookie from the reply's headers before its body was lost
        Handout lost = handout(refresh(signedIn.refreshToken(), signedIn.cookie()));

        Handout retried = handout(refresh(signedIn.refreshToken(), lost.cookie()));

        okBody(refresh(retried.refreshToken(), retried.cookie()));
    }

    @Test
    void aRetryWithoutTheRefreshCookieEndsTheSignIn() {
        Handout signedIn = signedIn("thief-without-cookie");
        Handout owner = handout(refresh(signedIn.refreshToken(), signedIn.cookie()));

        assertProblem(refresh(signedIn.refreshToken(), null), HttpStatus.UNAUTHORIZED);

        // the owner learns of the theft at once: the pair the owner holds is revoked with the sign-in
        assertProblem(refresh(owner.refreshToken(), owner.cookie()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRetryWithTheRefreshCookieOfAnotherBrowserEndsTheSignIn() {
        String email = registered("thief-with-own-cookie");
        Handout signedIn = handout(login(email, TestUsers.PASSWORD));
        Handout owner = handout(refresh(signedIn.refreshToken(), signedIn.cookie()));
        // the thief's own browser, signed in to the same account
        Handout thief = handout(login(email, TestUsers.PASSWORD));

        assertProblem(refresh(signedIn.refreshToken(), thief.cookie()), HttpStatus.UNAUTHORIZED);

        assertProblem(refresh(owner.refreshToken(), owner.cookie()), HttpStatus.UNAUTHORIZED);
        // the other sign-in is another family and keeps working
        okBody(refresh(thief.refreshToken(), thief.cookie()));
    }

    @Test
    void aFirstRefreshWithoutTheRefreshCookieStillWorks() {
        Handout signedIn = signedIn("api-client");

        Handout refreshed = handout(refresh(signedIn.refreshToken(), null));

        assertThat(refreshed.refreshToken()).isNotEqualTo(signedIn.refreshToken());
        okBody(refresh(refreshed.refreshToken(), null));
    }

    @Test
    void signUpSignInAndRefreshGiveBackTheRefreshCookieTheBrowserHolds() {
        String held = signedIn("held-cookie").cookie();
        String email = TestUsers.uniqueEmail("held-cookie");

        ResponseCookie fromSignUp = refreshCookie(client.post()
                .uri("/api/v1/auth/register")
                .cookie(RefreshCookie.NAME, held)
                .bodyValue(Map.of(
                        "email", email, "password", TestUsers.PASSWORD, "first_name", "Ann", "last_name", "Customer"))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class));
        Handout signedIn = handout(signInHolding(email, held));
        Handout refreshed = handout(refresh(signedIn.refreshToken(), held));

        assertThat(List.of(fromSignUp.getValue(), signedIn.cookie(), refreshed.cookie()))
                .containsOnly(held);
    }

    @Test
    void aSignInsRetryIsServedAfterAnotherSignInOfTheBrowserSetTheCookie() {
        String email = registered("two-tabs");
        Handout tabA = handout(signInHolding(email, null));
        String held = tabA.cookie();
        // tab B signs in while tab A refreshes its sign-in, and A's reply comes last
        Handout tabB = handout(signInHolding(email, held));
        held = handout(refresh(tabA.refreshToken(), held)).cookie();
        // B's first refresh: its reply lost, cookie and all
        okBody(refresh(tabB.refreshToken(), held));

        Handout retried = handout(refresh(tabB.refreshToken(), held));

        okBody(refresh(retried.refreshToken(), retried.cookie()));
    }

    @Test
    void aRefreshCookieNotOfTheGatewaysMakingIsReplacedByANewOne() {
        Handout signedIn = signedIn("odd-cookie");

        Handout refreshed = handout(refresh(signedIn.refreshToken(), "not-made-by-the-gateway"));

        assertThat(refreshed.cookie()).isNotEqualTo("not-made-by-the-gateway").hasSize(43);
    }

    @Test
    void everyReplyHandingOutARefreshTokenSetsTheRefreshCookieForTheAuthEndpointsOnly() {
        String email = TestUsers.uniqueEmail("cookie");
        ResponseCookie fromSignUp =
                refreshCookie(register(email).expectStatus().isCreated().returnResult(String.class));
        EntityExchangeResult<Map<String, Object>> signIn = login(email, TestUsers.PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody(ProblemAssertions.JSON)
                .returnResult();
        ResponseCookie fromSignIn = refreshCookie(signIn);
        String token = (String) signIn.getResponseBody().get("refresh_token");
        ResponseCookie fromRefresh = refreshCookie(
                refresh(token, fromSignIn.getValue()).expectStatus().isOk().returnResult(String.class));

        for (ResponseCookie cookie : new ResponseCookie[] {fromSignUp, fromSignIn, fromRefresh}) {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
            assertThat(cookie.getPath()).isEqualTo("/api/v1/auth");
            // a plain http request, and LOGIN_DEVICE_COOKIE_SECURE is not set
            assertThat(cookie.isSecure()).isFalse();
            assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30));
        }
        assertThat(fromSignIn.getValue())
                .as("a sign-in without the cookie gets a new one")
                .isNotEqualTo(fromSignUp.getValue());
    }

    @Test
    void signingOutExpiresTheRefreshCookieSoACopyOfItEarnsNoRetryInTheBrowsersNextSignIn() {
        String email = registered("sign-out");
        Handout before = handout(signInHolding(email, null));
        String copied = before.cookie();

        ExchangeResult signedOut = client.post()
                .uri("/api/v1/auth/logout")
                .cookie(RefreshCookie.NAME, copied)
                .bodyValue(Map.of("refresh_token", before.refreshToken()))
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectBody()
                .isEmpty();
        String held = heldAfter(copied, signedOut);
        Handout after = handout(signInHolding(email, held));
        Handout owner = handout(refresh(after.refreshToken(), after.cookie()));

        assertThat(after.cookie()).as("the next sign-in's cookie").isNotEqualTo(copied);
        // the copy, with the next sign-in's spent token, is taken for a thief's within the grace
        assertProblem(refresh(after.refreshToken(), copied), HttpStatus.UNAUTHORIZED);
        assertProblem(refresh(owner.refreshToken(), owner.cookie()), HttpStatus.UNAUTHORIZED);
        ResponseCookie expired = refreshCookie(signedOut);
        assertThat(expired.getMaxAge()).isZero();
        assertThat(expired.isHttpOnly()).isTrue();
        assertThat(expired.getSameSite()).isEqualTo("Strict");
        assertThat(expired.getPath()).isEqualTo("/api/v1/auth");
        assertThat(expired.isSecure()).isFalse();
    }

    /** A refresh token and the refresh cookie handed out with it. */
    private record Handout(String refreshToken, String cookie) {}

    private Handout signedIn(String prefix) {
        return handout(login(registered(prefix), TestUsers.PASSWORD));
    }

    /** The refresh cookie a browser holds after the reply, from the one it held before: kept, replaced or dropped. */
    private static String heldAfter(String held, ExchangeResult reply) {
        ResponseCookie set = reply.getResponseCookies().getFirst(RefreshCookie.NAME);
        if (set == null) {
            return held;
        }
        return set.getMaxAge().isZero() ? null : set.getValue();
    }

    private String registered(String prefix) {
        String email = TestUsers.uniqueEmail(prefix);
        signUp(email);
        return email;
    }

    private static Handout handout(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<Map<String, Object>> result = response.expectStatus()
                .isOk()
                .expectBody(ProblemAssertions.JSON)
                .returnResult();
        return new Handout(
                (String) result.getResponseBody().get("refresh_token"),
                refreshCookie(result).getValue());
    }

    private static ResponseCookie refreshCookie(ExchangeResult result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(RefreshCookie.NAME);
        assertThat(cookie).as("the refresh cookie").isNotNull();
        return cookie;
    }

    private WebTestClient.ResponseSpec signInHolding(String email, String cookie) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/v1/auth/login");
        if (cookie != null) {
            request = request.cookie(RefreshCookie.NAME, cookie);
        }
        return request.bodyValue(Map.of("email", email, "password", TestUsers.PASSWORD))
                .exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken, String cookie) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/v1/auth/refresh");
        if (cookie != null) {
            request = request.cookie(RefreshCookie.NAME, cookie);
        }
        return request.bodyValue(Map.of("refresh_token", refreshToken)).exchange();
    }
}
