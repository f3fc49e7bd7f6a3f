package com.agentfactory.gateway.auth;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.ProblemAssertions;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Per-account lockout and the auth audit log, through the gateway against the real identity schema. */
class LoginProtectionIT extends GatewayIntegrationTest {

    private static final int MAX_FAILURES = 5;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private AuthProperties properties;

    @Test
    void locksTheAccountAfterRepeatedFailuresAndRefusesEvenTheRightPassword() {
        String email = registered("locked");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertProblem(login(email, "wrong-password-" + attempt), HttpStatus.UNAUTHORIZED);
        }

        WebTestClient.ResponseSpec refused = login(email, TestUsers.PASSWORD);

        long retryAfter = Long.parseLong(
                refused.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        Map<String, Object> problem = assertProblem(login(email, TestUsers.PASSWORD), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem).containsEntry("title", "Account temporarily locked");
        assertThat(problem.get("detail").toString()).contains("Try again in");
        assertThat(((Number) problem.get("retry_after_seconds")).longValue()).isBetween(1L, 60L);
    }

    @Test
    void parallelWrongPasswordsGetNoMorePasswordChecksThanTheLimit() throws Exception {
        String email = registered("parallel");
        int racers = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String guess = "wrong-password-" + i;
            attempts.add(() -> {
                start.await();
                return login(email, guess)
                        .returnResult(String.class)
                        .getStatus()
                        .value();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        }

        assertThat(statuses)
                .filteredOn(status -> status == HttpStatus.UNAUTHORIZED.value())
                .hasSize(MAX_FAILURES);
        assertThat(statuses)
                .filteredOn(status -> status == HttpStatus.TOO_MANY_REQUESTS.value())
                .hasSize(racers - MAX_FAILURES);
        assertThat(auditTypes(email, users.admin().bearer()))
                .filteredOn("LOGIN_FAILED"::equals)
                .hasSize(MAX_FAILURES);
        assertProblem(login(email, TestUsers.PASSWORD), HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void recordsFailuresLockoutAndRefusalsInTheAuditLog() {
        String email = registered("audited");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            login(email, "wrong-password").expectStatus().isUnauthorized();
        }
        login(email, TestUsers.PASSWORD).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        List<String> types = auditTypes(email, users.admin().bearer());

        // newest first
        assertThat(types)
                .containsExactly(
                        "LOGIN_REFUSED_LOCKED",
                        "ACCOUNT_LOCKED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "REGISTERED");
    }

    @Test
    void aSuccessfulSignInForgivesEarlierFailures() {
        String email = registered("forgiven");
        for (int attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
            login(email, "wrong-password").expectStatus().isUnauthorized();
        }
        login(email, TestUsers.PASSWORD).expectStatus().isOk();
        for (int attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
            login(email, "wrong-password").expectStatus().isUnauthorized();
        }

        login(email, TestUsers.PASSWORD).expectStatus().isOk();
        assertThat(auditTypes(email, users.admin().bearer()))
                .contains("LOGIN_SUCCEEDED")
                .doesNotContain("ACCOUNT_LOCKED");
    }

    @Test
    void locksUnknownEmailsAlikeSoTheAnswerRevealsNoAccount() {
        String unknown = TestUsers.uniqueEmail("nobody");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertProblem(login(unknown, "guess-" + attempt), HttpStatus.UNAUTHORIZED);
        }

        Map<String, Object> problem = assertProblem(login(unknown, "guess"), HttpStatus.TOO_MANY_REQUESTS);

        assertThat(problem).containsEntry("title", "Account temporarily locked");
    }

    @Test
    void theLockoutIsStoredSoANewProcessStillRefuses() {
        String email = registered("restart");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            login(email, "wrong-password").expectStatus().isUnauthorized();
        }

        // a throttle built afresh on the same database, as a restarted gateway would build it
        LoginThrottle afterRestart =
                new LoginThrottle(new LoginThrottleRepository(jdbc), properties, Clock.systemUTC());

        String clientAddress = jdbc.sql("SELECT client_ip FROM auth_events WHERE email = :email LIMIT 1")
                .param("email", LoginThrottle.account(email))
                .query(String.class)
                .single();
        LoginThrottle.Attempt attempt = afterRestart.attempt(LoginThrottle.account(email), clientAddress, null);

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.refusedFor()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void forgetsAccountsQuietForLongerThanAnyWindowOrLockout() {
        String quiet = TestUsers.uniqueEmail("quiet");
        login(quiet, "guess").expectStatus().isUnauthorized();
        jdbc.sql("UPDATE login_throttle SET updated_at = now() - interval '3 hours' WHERE account = :account")
                .param("account", quiet)
                .update();

        login(TestUsers.uniqueEmail("someone-else"), "guess").expectStatus().isUnauthorized();

        assertThat(jdbc.sql("SELECT count(*) FROM login_throttle WHERE account = :account")
                        .param("account", quiet)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void recordsRefreshesAndRoleChangesWithTheAdminWhoActed() {
        String email = registered("promoted");
        String refreshToken = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        var admin = users.admin();
        String userId = (String) auditEvents(email, admin.bearer()).getFirst().get("user_id");

        Map<String, Object> changed = okBody(client.put()
                .uri("/api/v1/auth/users/{id}/role", userId)
                .header("Authorization", admin.bearer())
                .bodyValue(Map.of("role", "SUPPORT_AGENT"))
                .exchange());
        okBody(refresh(refreshToken));

        assertThat(changed).containsEntry("role", "SUPPORT_AGENT");
        List<Map<String, Object>> events = auditEvents(email, admin.bearer());
        assertThat(events)
                .extracting(event -> event.get("type"))
                .containsExactly("TOKEN_REFRESHED", "ROLE_CHANGED", "LOGIN_SUCCEEDED", "REGISTERED");
        Map<String, Object> roleChange = events.get(1);
        assertThat(roleChange)
                .containsEntry("actor_id", admin.id().toString())
                .containsEntry("user_id", userId)
                .containsEntry("detail", "CUSTOMER -> SUPPORT_AGENT");
        assertThat(events.getFirst().get("client_ip")).isNotNull();
    }

    @Test
    void changingTheRoleOfAnUnknownUserIs404() {
        assertProblem(
                client.put()
                        .uri("/api/v1/auth/users/{id}/role", java.util.UUID.randomUUID())
                        .header("Authorization", users.admin().bearer())
                        .bodyValue(Map.of("role", "SUPPORT_AGENT"))
                        .exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdminsReadTheAuditLogOrChangeRoles() {
        var customer = users.customer();

        assertProblem(
                client.get()
                        .uri("/api/v1/auth/audit")
                        .header(
                                "Authorization",
                                users.signedIn(com.agentfactory.access.Role.SUPPORT_AGENT)
                                        .bearer())
                        .exchange(),
                HttpStatus.FORBIDDEN);
        assertProblem(
                client.put()
                        .uri("/api/v1/auth/users/{id}/role", customer.id())
                        .header("Authorization", customer.bearer())
                        .bodyValue(Map.of("role", "ADMIN"))
                        .exchange(),
                HttpStatus.FORBIDDEN);
        assertProblem(client.get().uri("/api/v1/auth/audit").exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAnUnknownEventTypeOrLimitInTheAuditQueryNamingTheParameter() {
        String admin = users.admin().bearer();

        Map<String, Object> badType = assertProblem(
                client.get()
                        .uri("/api/v1/auth/audit?type=LOGIN_TELEPORTED")
                        .header("Authorization", admin)
                        .exchange(),
                HttpStatus.BAD_REQUEST);
        assertProblem(
                client.get()
                        .uri("/api/v1/auth/audit?limit=0")
                        .header("Authorization", admin)
                        .exchange(),
                HttpStatus.BAD_REQUEST);

        assertThat(badType.get("errors").toString()).contains("type");
        assertThat(badType.toString()).doesNotContain("java.", "AuthEventType");
    }

    private String registered(String prefix) {
        String email = TestUsers.uniqueEmail(prefix);
        client.post()
                .uri("/api/v1/auth/register")
                .bodyValue(Map.of("email", email, "password", TestUsers.PASSWORD, "first_name", "T", "last_name", "U"))
                .exchange()
                .expectStatus()
                .isCreated();
        return email;
    }

    private List<String> auditTypes(String email, String adminBearer) {
        return auditEvents(email, adminBearer).stream()
                .map(event -> (String) event.get("type"))
                .toList();
    }

    private List<Map<String, Object>> auditEvents(String email, String adminBearer) {
        return client.get()
                .uri(uri -> uri.path("/api/v1/auth/audit")
                        .queryParam("email", email)
                        .build())
                .header("Authorization", adminBearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();
    }
}
