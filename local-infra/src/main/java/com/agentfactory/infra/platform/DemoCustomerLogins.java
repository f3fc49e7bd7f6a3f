package com.agentfactory.infra.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sign-ins for the replayed demo customers the replay named (its {@code --customers-file}): an administrator creates a
 * CUSTOMER account for each that acts as that customer, so a person signed in as one sees their real order history
 * and can ask the support chat about their orders. An account that exists from an earlier run is kept.
 */
public final class DemoCustomerLogins {

    static final String DOMAIN = "demo.agentfactory.local";

    /** One demo customer's sign-in and the orders to ask about. */
    public record DemoLogin(String email, String customerId, List<String> latestOrders) {}

    private DemoCustomerLogins() {}

    /**
     * @param customersFile lines of customer number, customer id and comma-separated order numbers, tab-separated
     * @return the logins that exist now (created or kept), in the file's order
     */
    public static List<DemoLogin> create(
            HttpClient http, String gatewayUrl, String adminToken, Path customersFile, String password)
            throws IOException, InterruptedException {
        List<DemoLogin> logins = new ArrayList<>();
        for (String line : Files.readAllLines(customersFile, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length < 3) {
                continue;
            }
            String number = fields[0].strip();
            String email = "customer-" + number.toLowerCase(Locale.ROOT) + "@" + DOMAIN;
            // the replay's customer numbers and ids are digits and a UUID: nothing here needs JSON escaping
            String account = "{\"email\":\"" + email + "\",\"password\":\"" + password
                    + "\",\"first_name\":\"Customer\",\"last_name\":\"" + number
                    + "\",\"role\":\"CUSTOMER\",\"customer_id\":\"" + fields[1].strip() + "\"}";
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/auth/users"))
                            .header("Authorization", "Bearer " + adminToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(account))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 201 || created.statusCode() == 409) {
                logins.add(new DemoLogin(email, fields[1].strip(), List.of(fields[2].split(","))));
            } else {
                System.out.println("Demo customer login for " + number + " refused (" + created.statusCode() + "): "
                        + created.body());
            }
        }
        return logins;
    }
}
