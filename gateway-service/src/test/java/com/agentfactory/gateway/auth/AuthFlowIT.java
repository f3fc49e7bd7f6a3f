package com.agentfactory.gateway.auth;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.ProblemAssertions;
import com.agentfactory.gateway.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class AuthFlowIT extends GatewayIntegrationTest {

    // 100 plain characters; 30 emoji of four UTF-8 bytes each, 120 bytes in 60 UTF-16 characters
    private static final List<String> TOO_LONG_PASSWORDS = List.of("p".repeat(100), "\uD83D\uDD11".repeat(30));

    @Test
    void registersCustomerAndSignsThemIn() {
        String email = TestUsers.uniqueEmail("ann");

        Map<String, Object> body = register(email, TestUsers.PASSWORD)
                .expectStatus()
                .isCreated()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(body).containsEntry("email", email).containsEntry("expires_in", 900);
        assertThat(UUID.fromString((String) body.get("user_id"))).isNotNull();
        assertThat((String) body.get("access_token")).isNotBlank();
        assertThat((String) body.get("refresh_token")).isNotBlank();

        // the new account is a customer and can reach customer routes with its token
        String path = "/api/v1/support/conversations/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header("Authorization", "Bearer " + body.get("access_token"))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(users.tokens()
                        .forwardedClaims(STUB.requestTo(path).orElseThrow().header("Authorization"))
                        .getClaim("roles"))
                .isEqualTo(java.util.List.of("CUSTOMER"));
    }

    @Test
    void publishesTheKeySetThatVerifiesItsTokensToAnyone() throws Exception {
        String json = client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var keys = com.nimbusds.jose.jwk.JWKSet.parse(json);
        var token = com.nimbusds.jwt.SignedJWT.parse(
                (String) okBody(login(users.customer().user().email(), TestUsers.PASSWORD))
                        .get("access_token"));

        var key = (com.nimbusds.jose.jwk.RSAKey)
                keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("the token's key id is in the set").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key)))
                .isTrue();
    }

    @Test
    void logsInWithEmailInAnyCase() {
        String email = TestUsers.uniqueEmail("bob");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();

        Map<String, Object> tokens = login(email.toUpperCase(), TestUsers.PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(tokens).containsKeys("access_token", "refresh_token").containsEntry("expires_in", 900);
    }

    @Test
    void rejectsWrongPasswordAndUnknownEmailWithTheSameProblem() {
        String email = TestUsers.uniqueEmail("carol");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();

        Map<String, Object> wrongPassword =
                assertProblem(login(email, "not-the-right-password"), HttpStatus.UNAUTHORIZED);
        Map<String, Object> unknownEmail =
                assertProblem(login(TestUsers.uniqueEmail("nobody"), TestUsers.PASSWORD), HttpStatus.UNAUTHORIZED);

        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
        assertThat(wrongPassword.get("title")).isEqualTo(unknownEmail.get("title"));
        assertThat(wrongPassword).containsEntry("title", "Invalid credentials");
    }

    @Test
    void rejectsDuplicateEmailIgnoringCase() {
        String email = TestUsers.uniqueEmail("dave");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();

        Map<String, Object> problem =
                assertProblem(register(email.toUpperCase(), TestUsers.PASSWORD), HttpStatus.CONFLICT);

        assertThat(problem).containsEntry("title", "Email already registered");
        assertThat(problem.get("detail").toString()).contains("already exists");
    }

    @Test
    void rejectsInvalidRegistrationWithFieldErrors() {
        Map<String, Object> problem = assertProblem(
                client.post()
                        .uri("/api/v1/auth/register")
                        .bodyValue(Map.of("email", "not-an-email", "password", "short", "first_name", "Eve"))
                        .exchange(),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.get("errors"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
                .extracting(error -> error.get("field"))
                .contains("email", "password", "last_name");
    }

    @Test
    void refusesARegistrationPasswordLongerThanTheHashTakesNamingPassword() {
        for (String tooLong : TOO_LONG_PASSWORDS) {
            Map<String, Object> problem =
                    assertProblem(register(TestUsers.uniqueEmail("long"), tooLong), HttpStatus.BAD_REQUEST);

            assertThat(problem.get("errors"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
                    .singleElement()
                    .satisfies(error -> assertThat(error)
                            .containsEntry("field", "password")
                            .hasEntrySatisfying("message", message -> assertThat((String) message)
                                    .contains("72 bytes")));
        }
    }

    @Test
    void registersWithAPasswordOfExactlySeventyTwoBytes() {
        register(TestUsers.uniqueEmail("emoji"), "\uD83D\uDD11".repeat(18))
                .expectStatus()
                .isCreated();
    }

    @Test
    void refusesAStaffPasswordLongerThanTheHashTakesNamingPassword() {
        var admin = users.admin();
        for (String tooLong : TOO_LONG_PASSWORDS) {
            Map<String, Object> problem = assertProblem(
                    client.post()
                            .uri("/api/v1/auth/users")
                            .header("Authorization", admin.bearer())
                            .bodyValue(Map.of(
                                    "email", TestUsers.uniqueEmail("long-staff"),
                                    "password", tooLong,
                                    "first_name", "Sam",
                                    "last_name", "Support",
                                    "role", "SUPPORT_AGENT"))
                            .exchange(),
                    HttpStatus.BAD_REQUEST);

            assertThat(problem.get("errors").toString()).contains("field=password");
        }
    }

    @Test
    void aSignInWithAPasswordLongerThanTheHashTakesIsOnlyWrong() {
        String email = TestUsers.uniqueEmail("long-login");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();

        for (String tooLong : TOO_LONG_PASSWORDS) {
            Map<String, Object> problem = assertProblem(login(email, tooLong), HttpStatus.UNAUTHORIZED);
            assertThat(problem).containsEntry("title", "Invalid credentials");
        }
    }

    @Test
    void rejectsMalformedJsonWith400() {
        assertProblem(
                client.post()
                        .uri("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"email\": ")
                        .exchange(),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void rejectsOversizedBodyWith413() {
        String huge = "x".repeat(200_000);

        assertProblem(
                client.post()
                        .uri("/api/v1/auth/register")
                        .bodyValue(Map.of(
                                "email", "big@example.test", "password", huge, "first_name", huge, "last_name", "B"))
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        String email = TestUsers.uniqueEmail("frank");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();
        String first = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");

        Map<String, Object> rotated = okBody(refresh(first));

        assertThat((String) rotated.get("access_token")).isNotBlank();
        assertThat(rotated.get("refresh_token")).isNotEqualTo(first);
        // once its successor is used, the spent token is not accepted a second time
        okBody(refresh((String) rotated.get("refresh_token")));
        assertProblem(refresh(first), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reuseOfSpentRefreshTokenRevokesTheWholeFamily() {
        String email = TestUsers.uniqueEmail("grace");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();
        String first = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        String second = (String) okBody(refresh(first)).get("refresh_token");
        String third = (String) okBody(refresh(second)).get("refresh_token");

        assertProblem(refresh(first), HttpStatus.UNAUTHORIZED);

        // the legitimate successor dies with the family, so a thief holding it gains nothing
        assertProblem(refresh(third), HttpStatus.UNAUTHORIZED);
        // other sign-ins of the same user are separate families and keep working
        String otherSession = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        refresh(otherSession).expectStatus().isOk();
    }

    @Test
    void signingOutEndsTheSignInSoNoneOfItsRefreshTokensWorkAgain() {
        String email = TestUsers.uniqueEmail("henry");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();
        String first = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        String current = (String) okBody(refresh(first)).get("refresh_token");
        String otherSession = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");

        logout(current).expectStatus().isNoContent().expectBody().isEmpty();

        assertProblem(refresh(current), HttpStatus.UNAUTHORIZED);
        assertProblem(refresh(first), HttpStatus.UNAUTHORIZED);
        // signing out of one device leaves the user's other sign-ins alone
        refresh(otherSession).expectStatus().isOk();
    }

    @Test
    void signingOutWithATokenAlreadyRotatedEndsTheSignInItStarted() {
        String email = TestUsers.uniqueEmail("iris");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();
        String first = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        String current = (String) okBody(refresh(first)).get("refresh_token");

        logout(first).expectStatus().isNoContent();

        assertProblem(refresh(current), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void signingOutAnswersTheSameForAnUnknownOrAlreadyRevokedToken() {
        String email = TestUsers.uniqueEmail("jack");
        register(email, TestUsers.PASSWORD).expectStatus().isCreated();
        String token = (String) okBody(login(email, TestUsers.PASSWORD)).get("refresh_token");
        logout(token).expectStatus().isNoContent();

        logout(token).expectStatus().isNoContent().expectBody().isEmpty();
        logout("never-issued-" + UUID.randomUUID())
                .expectStatus()
                .isNoContent()
                .expectBody()
                .isEmpty();
    }

    @Test
    void refusesASignOutWithoutARefreshTokenAsAProblem() {
        Map<String, Object> missing = assertProblem(
                client.post().uri("/api/v1/auth/logout").bodyValue(Map.of()).exchange(), HttpStatus.BAD_REQUEST);
        assertThat(missing.get("errors").toString()).contains("refresh_token");
        assertProblem(
                client.post()
                        .uri("/api/v1/auth/logout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"refresh_token\": ")
                        .exchange(),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void rejectsUnknownRefreshToken() {
        assertProblem(refresh("never-issued-" + UUID.randomUUID()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void issuesSystemAgentTokenToConfiguredServiceClient() {
        Map<String, Object> json = okBody(client.post()
                .uri("/api/v1/auth/token")
                .bodyValue(Map.of("client_id", "test-service", "client_secret", "test-service-secret-0123456789abcdef"))
                .exchange());
        Map<String, Object> form = okBody(client.post()
                .uri("/api/v1/auth/token")
                .body(BodyInserters.fromFormData("client_id", "test-service")
                        .with("client_secret", "test-service-secret-0123456789abcdef"))
                .exchange());

        assertThat(json).doesNotContainKey("refresh_token");
        String path = "/api/v1/events/" + UUID.randomUUID();
        client.post()
                .uri(path)
                .header("Authorization", "Bearer " + form.get("access_token"))
                .exchange()
                .expectStatus()
                .isOk();
        var received = STUB.requestTo(path).orElseThrow();
        var claims = users.tokens().forwardedClaims(received.header("Authorization"));
        assertThat(claims.getClaim("roles")).isEqualTo(java.util.List.of("SYSTEM_AGENT"));
        assertThat(claims.getSubject()).isEqualTo("test-service");
        assertThat(claims.getClaim("client_id")).isEqualTo("test-service");
    }

    @Test
    void rejectsServiceClientWithWrongSecret() {
        assertProblem(
                client.post()
                        .uri("/api/v1/auth/token")
                        .bodyValue(Map.of("client_id", "test-service", "client_secret", "guessed"))
                        .exchange(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void bootstrapAdminCreatesStaffAccount() {
        String adminToken = (String)
                okBody(login(BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD)).get("access_token");
        String staffEmail = TestUsers.uniqueEmail("support");

        Map<String, Object> created = client.post()
                .uri("/api/v1/auth/users")
                .header("Authorization", "Bearer " + adminToken)
                .bodyValue(Map.of(
                        "email", staffEmail,
                        "password", TestUsers.PASSWORD,
                        "first_name", "Sam",
                        "last_name", "Support",
                        "role", "SUPPORT_AGENT"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(created).containsEntry("role", "SUPPORT_AGENT").containsEntry("email", staffEmail);
        String staffToken =
                (String) okBody(login(staffEmail, TestUsers.PASSWORD)).get("access_token");
        String path = "/api/v1/escalations/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header("Authorization", "Bearer " + staffToken)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anAdminGivesAKnownStorefrontCustomerALoginThatActsAsThatCustomer() {
        var admin = users.admin();
        UUID knownCustomer = UUID.randomUUID();
        String email = TestUsers.uniqueEmail("known");
        Map<String, Object> account = Map.of(
                "email",
                email,
                "password",
                TestUsers.PASSWORD,
                "first_name",
                "Known",
                "last_name",
                "Customer",
                "role",
                "CUSTOMER",
                "customer_id",
                knownCustomer.toString());

        Map<String, Object> created = client.post()
                .uri("/api/v1/auth/users")
                .header("Authorization", admin.bearer())
                .bodyValue(account)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(created).containsEntry("user_id", knownCustomer.toString()).containsEntry("role", "CUSTOMER");
        String token = (String) okBody(login(email, TestUsers.PASSWORD)).get("access_token");
        String own = "/api/v1/customers/" + knownCustomer + "/orders";
        client.get()
                .uri(own)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(users.tokens()
                        .forwardedClaims(STUB.requestTo(own).orElseThrow().header("Authorization"))
                        .getClaim("customer_id"))
                .isEqualTo(knownCustomer.toString());

        var again = new java.util.HashMap<>(account);
        again.put("email", TestUsers.uniqueEmail("known-again"));
        assertProblem(
                client.post()
                        .uri("/api/v1/auth/users")
                        .header("Authorization", admin.bearer())
                        .bodyValue(again)
                        .exchange(),
                HttpStatus.CONFLICT);
    }

    @Test
    void refusesACustomerIdOnAStaffAccount() {
        var admin = users.admin();

        Map<String, Object> problem = client.post()
                .uri("/api/v1/auth/users")
                .header("Authorization", admin.bearer())
                .bodyValue(Map.of(
                        "email",
                        TestUsers.uniqueEmail("staff"),
                        "password",
                        TestUsers.PASSWORD,
                        "first_name",
                        "S",
                        "last_name",
                        "Taff",
                        "role",
                        "SUPPORT_AGENT",
                        "customer_id",
                        UUID.randomUUID().toString()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(problem.get("errors").toString()).contains("customer_id");
    }

    @Test
    void refusesUserCreationByNonAdmins() {
        var customer = users.customer();

        assertProblem(
                client.post()
                        .uri("/api/v1/auth/users")
                        .header("Authorization", customer.bearer())
                        .bodyValue(Map.of(
                                "email", TestUsers.uniqueEmail("x"),
                                "password", TestUsers.PASSWORD,
                                "first_name", "X",
                                "last_name", "Y",
                                "role", "ADMIN"))
                        .exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesSystemAgentRoleForPeople() {
        var admin = users.admin();

        assertProblem(
                client.post()
                        .uri("/api/v1/auth/users")
                        .header("Authorization", admin.bearer())
                        .bodyValue(Map.of(
                                "email", TestUsers.uniqueEmail("robot"),
                                "password", TestUsers.PASSWORD,
                                "first_name", "R",
                                "last_name", "Bot",
                                "role", "SYSTEM_AGENT"))
                        .exchange(),
                HttpStatus.BAD_REQUEST);
    }

    private WebTestClient.ResponseSpec logout(String refreshToken) {
        return client.post()
                .uri("/api/v1/auth/logout")
                .bodyValue(Map.of("refresh_token", refreshToken))
                .exchange();
    }

    private WebTestClient.ResponseSpec register(String email, String password) {
        return client.post()
                .uri("/api/v1/auth/register")
                .bodyValue(Map.of("email", email, "password", password, "first_name", "Test", "last_name", "User"))
                .exchange();
    }
}
