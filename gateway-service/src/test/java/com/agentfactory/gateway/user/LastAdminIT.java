package com.agentfactory.gateway.user;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.audit.AuthAuditLog;
import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last ADMIN keeps the role. The shared identity schema always holds other tests' admins, so these tests run the
 * real repository, service, controller and error advice on a users table of their own, in a schema made for each
 * test, where the admins present are exactly the ones the test creates.
 */
class LastAdminIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Environment environment;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private AuthAuditLog audit;

    @Autowired
    private ApplicationContext context;

    private String schema;
    private UserService isolatedUsers;
    private WebTestClient isolatedApi;

    @BeforeEach
    void ownUsersTable() {
        schema = "last_admin_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE SCHEMA " + schema).update();
        jdbc.sql("CREATE TABLE " + schema + ".users (LIKE identity.users INCLUDING ALL)")
                .update();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
        dataSource.setSchema(schema);
        isolatedUsers = new UserService(
                new UserRepository(JdbcClient.create(dataSource)),
                passwordEncoder,
                Clock.systemUTC(),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        isolatedApi = WebTestClient.bindToController(new UserController(isolatedUsers, audit))
                .controllerAdvice(context.getBean("apiExceptionHandler"))
                .build();
    }

    @AfterEach
    void dropOwnUsersTable() {
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void theOnlyAdminCannotDemoteThemselfAndStaysAdmin() {
        User onlyAdmin = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));

        Map<String, Object> problem =
                assertProblem(changeRole(onlyAdmin.id(), Role.SUPPORT_AGENT), HttpStatus.CONFLICT);

        assertThat(problem).containsEntry("title", "Last administrator");
        assertThat(problem.get("errors").toString()).contains("role");
        assertThat(roleOf(onlyAdmin)).isEqualTo(Role.ADMIN);
    }

    @Test
    void ofTwoAdminsOneCanBeDemotedThenTheOtherCannot() {
        User first = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));
        User second = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));

        changeRole(second.id(), Role.MARKETING_MANAGER).expectStatus().isOk();
        assertProblem(changeRole(first.id(), Role.CUSTOMER), HttpStatus.CONFLICT);

        assertThat(roleOf(second)).isEqualTo(Role.MARKETING_MANAGER);
        assertThat(roleOf(first)).isEqualTo(Role.ADMIN);
    }

    @Test
    void theLastAdminMayStillBeGivenTheAdminRoleAgainAndOthersChangeFreely() {
        User onlyAdmin = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));
        User customer = isolatedUsers.create(TestUsers.newUser(Role.CUSTOMER));

        changeRole(onlyAdmin.id(), Role.ADMIN).expectStatus().isOk();
        changeRole(customer.id(), Role.SUPPORT_AGENT).expectStatus().isOk();

        assertThat(roleOf(onlyAdmin)).isEqualTo(Role.ADMIN);
        assertThat(roleOf(customer)).isEqualTo(Role.SUPPORT_AGENT);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        User first = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));
        User second = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> demotions = new ArrayList<>();
        for (User admin : List.of(first, second)) {
            demotions.add(() -> {
                start.await();
                try {
                    isolatedUsers.changeRole(admin.id(), Role.SUPPORT_AGENT);
                    return "demoted";
                } catch (LastAdminException refused) {
                    return "refused";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(demotions.size())) {
            List<Future<String>> futures = demotions.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).containsExactlyInAnyOrder("demoted", "refused");
        assertThat(List.of(roleOf(first), roleOf(second))).containsExactlyInAnyOrder(Role.ADMIN, Role.SUPPORT_AGENT);
    }

    @Test
    void theServiceRefusesToDemoteTheLastAdminWithADomainException() {
        User onlyAdmin = isolatedUsers.create(TestUsers.newUser(Role.ADMIN));

        assertThatThrownBy(() -> isolatedUsers.changeRole(onlyAdmin.id(), Role.CUSTOMER))
                .isInstanceOf(LastAdminException.class);
        assertThat(roleOf(onlyAdmin)).isEqualTo(Role.ADMIN);
    }

    private WebTestClient.ResponseSpec changeRole(UUID userId, Role role) {
        return isolatedApi
                .put()
                .uri("/api/v1/auth/users/{id}/role", userId)
                .bodyValue(Map.of("role", role.name()))
                .exchange();
    }

    private Role roleOf(User user) {
        return isolatedUsers.findById(user.id()).orElseThrow().role();
    }
}
