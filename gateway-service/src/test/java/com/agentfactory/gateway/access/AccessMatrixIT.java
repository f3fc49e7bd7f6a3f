package com.agentfactory.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.AccessMatrix.Access;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Every operation of every service, called through the gateway by every kind of caller, against the access matrix
 * (docs/access-matrix.md): the gateway admits exactly whom the matrix admits. The services behind it are stubbed,
 * so what is tested is the gateway's decision alone; each service's own tests check ownership behind it.
 */
class AccessMatrixIT extends GatewayIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** How the services' documents name a customer's id in a path. */
    private static final java.util.Set<String> CUSTOMER_VARIABLES = java.util.Set.of("customerId", "customer_id");

    @Test
    void admitsExactlyWhomTheAccessMatrixAdmits() {
        var customer = users.customer();
        Map<AccessMatrix.Role, String> tokens = new EnumMap<>(AccessMatrix.Role.class);
        tokens.put(AccessMatrix.Role.CUSTOMER, customer.accessToken());
        tokens.put(
                AccessMatrix.Role.SUPPORT_AGENT,
                users.signedIn(Role.SUPPORT_AGENT).accessToken());
        tokens.put(
                AccessMatrix.Role.MARKETING_MANAGER,
                users.signedIn(Role.MARKETING_MANAGER).accessToken());
        tokens.put(AccessMatrix.Role.ADMIN, users.admin().accessToken());
        tokens.put(AccessMatrix.Role.SYSTEM_AGENT, users.systemAgentToken());
        String own = customer.id().toString();
        String someoneElse = UUID.randomUUID().toString();

        List<String> mismatches = new ArrayList<>();
        List<AccessMatrix.Row> rows = AccessMatrix.load().rows();
        for (AccessMatrix.Row row : rows) {
            for (AccessMatrix.Role role : AccessMatrix.Role.values()) {
                Access expected = row.access().get(role);
                String token = tokens.get(role);
                String forOwn = role == AccessMatrix.Role.CUSTOMER ? own : someoneElse;
                boolean admitted = admitted(row, path(row.path(), forOwn), token);
                boolean shouldAdmit = expected != Access.NO;
                if (admitted != shouldAdmit) {
                    mismatches.add(row.operation() + " as " + role + ": expected " + expected + ", "
                            + (admitted ? "admitted" : "refused"));
                }
                if (expected == Access.OWN && admitted(row, path(row.path(), someoneElse), token)) {
                    mismatches.add(row.operation() + " as " + role + ": admitted with another customer's id");
                }
            }
        }

        assertThat(rows).as("rows in " + AccessMatrix.FILE).hasSizeGreaterThan(50);
        assertThat(mismatches)
                .as("decisions that differ from " + AccessMatrix.FILE)
                .isEmpty();
    }

    /** Refused means the gateway's own refusal: 403, or 401 asking for a bearer token (not a sign-in's 401). */
    private boolean admitted(AccessMatrix.Row row, String path, String token) {
        var request = client.method(HttpMethod.valueOf(row.method())).uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        boolean challenged = result.getResponseHeaders().getFirst("WWW-Authenticate") != null;
        return !(status == 403 || (status == 401 && challenged));
    }

    /** The customer id (own or another's) where the path names one, a fresh UUID for every other variable. */
    private static String path(String template, String customerId) {
        return PATH_VARIABLE
                .matcher(template)
                .replaceAll(match -> CUSTOMER_VARIABLES.contains(match.group(1))
                        ? customerId
                        : UUID.randomUUID().toString());
    }
}
