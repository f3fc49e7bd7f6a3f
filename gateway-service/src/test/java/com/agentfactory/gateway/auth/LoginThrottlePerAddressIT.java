package com.agentfactory.gateway.auth;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.ProblemAssertions;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind one trusted proxy, as in k8s/, so that X-Forwarded-For tells the clients apart: wrong passwords lock out the
 * address they come from, and only many more from any addresses slow the whole account down (a low limit here).
 */
@TestPropertySource(
        properties = {
            "agentfactory.client-address.trusted-proxy-hops=1",
            "agentfactory.auth.lockout.account-max-failures=" + LoginThrottlePerAddressIT.ACCOUNT_MAX_FAILURES,
            "agentfactory.auth.lockout.account-slowdown=30s"
        })
class LoginThrottlePerAddressIT extends GatewayIntegrationTest {

    static final int ACCOUNT_MAX_FAILURES = 8;
    private static final int MAX_FAILURES = 5;
    private static final String ATTACKER = "203.0.113.7";
    private static final String OWNER = "198.51.100.20";

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        String email = registered("targeted");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password-" + attempt, ATTACKER), HttpStatus.UNAUTHORIZED);
        }
        Map<String, Object> refused =
                assertProblem(login(email, TestUsers.PASSWORD, ATTACKER), HttpStatus.TOO_MANY_REQUESTS);

        Map<String, Object> signedIn = okBody(login(email, TestUsers.PASSWORD, OWNER));

        assertThat(refused).containsEntry("title", "Account temporarily locked");
        assertThat(signedIn).containsKey("access_token");
        // the owner's sign-in forgives their own address only
        assertProblem(login(email, "wrong-password", ATTACKER), HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void manyFailuresFromManyAddressesSlowTheAccountDownForEveryAddressForAShortWhile() {
        String email = registered("spread");
        for (int attempt = 0; attempt < ACCOUNT_MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password", "192.0.2." + (attempt / 2 + 1)), HttpStatus.UNAUTHORIZED);
        }

        WebTestClient.ResponseSpec refused = login(email, TestUsers.PASSWORD, OWNER);

        Map<String, Object> problem = assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem).containsEntry("title", "Account temporarily locked");
        assertThat(((Number) problem.get("retry_after_seconds")).longValue()).isBetween(1L, 30L);
        assertThat(refused.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotBlank();
        assertThat(auditDetails(email)).contains("slowed down from every address for 30 s");
    }

    @Test
    void guessesFromManyAddressesDoNotHoldTheOwnerBackWhereTheyHaveSignedInBefore() {
        String email = registered("returning");
        okBody(login(email, TestUsers.PASSWORD, OWNER));
        for (int attempt = 0; attempt < ACCOUNT_MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password", "192.0.2." + (attempt / 2 + 1)), HttpStatus.UNAUTHORIZED);
        }

        assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.99"), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(okBody(login(email, TestUsers.PASSWORD, OWNER))).containsKey("access_token");
    }

    @Test
    void aBrowserWithTheDeviceCookieOfAnEarlierSignInIsNotHeldBackByTheSlowdownAtANewAddress() {
        String email = registered("device");
        String deviceCookie = deviceCookie(login(email, TestUsers.PASSWORD, OWNER));
        slowDown(email);

        assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.98"), HttpStatus.TOO_MANY_REQUESTS);
        assertProblem(
                login(email, TestUsers.PASSWORD, "198.51.100.99", "not-a-device-cookie"), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(okBody(login(email, TestUsers.PASSWORD, "198.51.100.99", deviceCookie)))
                .containsKey("access_token");
    }

    @Test
    void theDeviceCookieOfOneAccountDoesNotEaseTheSlowdownOfAnother() {
        String email = registered("victim");
        String otherDevice = deviceCookie(login(registered("attacker"), TestUsers.PASSWORD, ATTACKER));
        slowDown(email);

        assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.97", otherDevice), HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aDeviceCookieWhoseFailuresReachTheLimitIsNoLongerHonoured() {
        String email = registered("stolen");
        String deviceCookie = deviceCookie(login(email, TestUsers.PASSWORD, OWNER));
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password", "198.51.100.50", deviceCookie), HttpStatus.UNAUTHORIZED);
        }
        slowDown(email);

        assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.51", deviceCookie), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(auditDetails(email)).contains("device cookie not honoured for 60 s");
    }

    @Test
    void aStolenCopyOfADeviceCookieGainsNoGuessesBackWhenTheOwnerSignsInWithIt() {
        String email = registered("copied");
        String copied = deviceCookie(login(email, TestUsers.PASSWORD, OWNER));
        for (int attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
            assertProblem(login(email, "wrong-password", ATTACKER, copied), HttpStatus.UNAUTHORIZED);
        }
        String renewed = deviceCookie(login(email, TestUsers.PASSWORD, OWNER, copied));
        slowDown(email);

        assertThat(renewed).isNotEqualTo(copied);
        assertProblem(login(email, "wrong-password", "198.51.100.52", copied), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(okBody(login(email, TestUsers.PASSWORD, "198.51.100.53", renewed)))
                .containsKey("access_token");
    }

    @Test
    void theDeviceCookieOfAnErasedAccountDoesNotEaseTheSlowdownOfANewAccountWithTheSameEmail() {
        String email = TestUsers.uniqueEmail("reused");
        UUID erased = signUp(email);
        String oldOwners = deviceCookie(login(email, TestUsers.PASSWORD, OWNER));
        erase(erased);
        signUp(email);
        slowDown(email);

        assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.96", oldOwners), HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theDeviceCookieOfAnErasedAccountCountsAsNoneForItsEmailOfNoAccount() {
        String email = TestUsers.uniqueEmail("gone");
        UUID erased = signUp(email);
        String oldOwners = deviceCookie(login(email, TestUsers.PASSWORD, OWNER));
        erase(erased);
        slowDown(email);

        Map<String, Object> withCookie = assertProblem(
                login(email, TestUsers.PASSWORD, "198.51.100.95", oldOwners), HttpStatus.TOO_MANY_REQUESTS);
        Map<String, Object> without =
                assertProblem(login(email, TestUsers.PASSWORD, "198.51.100.94"), HttpStatus.TOO_MANY_REQUESTS);

        assertThat(withCookie)
                .containsEntry("title", without.get("title"))
                .containsEntry("detail", without.get("detail"));
    }

    @Test
    void setsTheDeviceCookieForTheSignInEndpointOnlyAndSecureOverHttps() {
        String email = registered("cookie");

        String overHttp = login(email, TestUsers.PASSWORD, OWNER)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.SET_COOKIE);
        String overHttps = client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", OWNER)
                .header("X-Forwarded-Proto", "https")
                .bodyValue(Map.of("email", email, "password", TestUsers.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.SET_COOKIE);

        assertThat(overHttp).startsWith(DeviceCookies.NAME + "=");
        assertThat(attributes(overHttp))
                .contains("path=/api/v1/auth/login", "httponly", "samesite=strict", "max-age=7776000")
                .doesNotContain("secure");
        assertThat(attributes(overHttps)).contains("secure", "httponly", "samesite=strict");
    }

    // the attributes after the cookie's value, in lower case: their names are not case-sensitive
    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";"))
                .skip(1)
                .map(attribute -> attribute.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    @Test
    void failuresBelowTheAccountsLimitFromSeveralAddressesLeaveTheOwnerIn() {
        String email = registered("scattered");
        for (int attempt = 0; attempt < ACCOUNT_MAX_FAILURES - 1; attempt++) {
            login(email, "wrong-password", "192.0.2." + (attempt + 1))
                    .expectStatus()
                    .isUnauthorized();
        }

        assertThat(okBody(login(email, TestUsers.PASSWORD, OWNER))).containsKey("access_token");
    }

    private WebTestClient.ResponseSpec login(String email, String password, String clientAddress) {
        return client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec login(String email, String password, String clientAddress, String device) {
        return client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .cookie(DeviceCookies.NAME, device)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    // as the supervisor's coordinator asks it (stubbed here): the gateway's relay fetches the request and reports
    private static void erase(UUID customerId) {
        UUID requestId = UUID.randomUUID();
        STUB.answerNext(PENDING_PRIVACY_REQUESTS, """
                [{"request_id": "%s", "customer_id": "%s", "action": "ERASURE"}]""".formatted(requestId, customerId));
        String report = PENDING_PRIVACY_REQUESTS + "/" + requestId + "/report";
        await().atMost(Duration.ofSeconds(20)).until(() -> STUB.requestTo(report), Optional::isPresent);
    }

    // guesses spread over addresses, two from each, that reach the account's limit
    private void slowDown(String email) {
        for (int attempt = 0; attempt < ACCOUNT_MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password", "192.0.2." + (attempt / 2 + 1)), HttpStatus.UNAUTHORIZED);
        }
    }

    private static String deviceCookie(WebTestClient.ResponseSpec signIn) {
        ResponseCookie cookie = signIn.expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst(DeviceCookies.NAME);
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }

    private String registered(String prefix) {
        String email = TestUsers.uniqueEmail(prefix);
        signUp(email);
        return email;
    }

    private List<Object> auditDetails(String email) {
        return client
                .get()
                .uri(uri -> uri.path("/api/v1/auth/audit")
                        .queryParam("email", email)
                        .build())
                .header("Authorization", users.admin().bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(event -> event.get("detail"))
                .toList();
    }
}
