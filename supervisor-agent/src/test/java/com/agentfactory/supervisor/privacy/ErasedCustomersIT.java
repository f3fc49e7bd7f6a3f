package com.agentfactory.supervisor.privacy;

import static com.agentfactory.supervisor.support.CommerceEventMother.productUpserted;
import static com.agentfactory.supervisor.support.CommerceEventMother.productViewed;
import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static com.agentfactory.supervisor.support.TaskRequestMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the supervisor takes in about a customer once they are erased, or while their erasure runs: no task naming
 * them, and their storefront events only as the erasure leaves the others, an order with its id and number.
 */
class ErasedCustomersIT extends SupervisorIntegrationTest {

    private static final String TASKS = "/api/v1/agents/tasks";
    private static final String EVENTS = "/api/v1/events";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    EnvelopeCodec codec;

    private final UUID customer = UUID.randomUUID();

    // tells this test's tasks from the others'
    private final String note = "where is my parcel? " + UUID.randomUUID();

    @Test
    void refusesATaskAboutACustomerErasedBeforeAndStoresNoneOfItsBatch() {
        erase(customer);

        Response single = api.post(TASKS, taskAbout(customer));
        Response batch =
                api.post(TASKS + "/batch", Map.of("tasks", List.of(taskAbout(UUID.randomUUID()), taskAbout(customer))));

        assertThat(single.status()).as(String.valueOf(single.body())).isEqualTo(422);
        assertThat(single.errorFields()).containsExactly("input_data.customer_id");
        assertThat(batch.status()).as(String.valueOf(batch.body())).isEqualTo(422);
        assertThat(batch.errorFields()).containsExactly("tasks[1].input_data.customer_id");
        assertThat(tasksNamingTheCustomer()).isZero();
        assertThat(tasksOfThisTest()).as("the other task of the batch neither").isZero();
    }

    @Test
    void aTaskPostedWhileTheCustomersErasureRunsIsRefusedForARetryAfterFiveSecondsWhichIsThenRefused()
            throws Exception {
        HttpResponse<String> during =
                whileErasureOf(customer, erasing -> postSeeingHeaders(TASKS, taskAbout(customer)));
        Response retried = api.post(TASKS, taskAbout(customer));

        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After"))
                .as("the erasure holds the customer for its whole run")
                .contains("5");
        assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(422);
        assertThat(retried.errorFields()).containsExactly("input_data.customer_id");
        assertThat(tasksNamingTheCustomer()).isZero();
    }

    @Test
    void takesInATaskAboutAnotherCustomerAtOnceWhileTasksAboutACustomerBeingErasedAreRefusedForARetry()
            throws Exception {
        UUID other = UUID.randomUUID();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Response>> answers = whileErasureOf(customer, erasing -> {
                // one request about the customer for each of the two writers: were they waiting for the erasure, no
                // writer would be left for the other customer's task
                Future<Response> first = threads.submit(() -> api.post(TASKS, taskAbout(customer)));
                awaitAnsweredOrBlocked(first, erasing, 1);
                Future<Response> second = threads.submit(() -> api.post(TASKS, taskAbout(customer)));
                awaitAnsweredOrBlocked(second, erasing, 2);
                Future<Response> unrelated = threads.submit(() -> api.post(TASKS, taskAbout(other)));
                await("the other customer's task answered while the erasure runs")
                        .atMost(Duration.ofSeconds(5))
                        .until(unrelated::isDone);
                return List.of(first, second, unrelated);
            });

            Response first = answers.get(0).get(60, TimeUnit.SECONDS);
            Response second = answers.get(1).get(60, TimeUnit.SECONDS);
            Response unrelated = answers.get(2).get(60, TimeUnit.SECONDS);
            assertThat(unrelated.status()).as(String.valueOf(unrelated.body())).isEqualTo(201);
            assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(503);
            assertThat(second.status()).as(String.valueOf(second.body())).isEqualTo(503);
        }
        assertThat(tasksNamingTheCustomer()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM tasks WHERE input_data ->> 'customer_id' = ?",
                        Long.class,
                        other.toString()))
                .isOne();
    }

    @Test
    void storesTheEventsOfACustomerErasedBeforeAsTheErasureLeavesThemAnOrderWithItsIdAndNumber() {
        erase(customer);
        Map<String, Object> view = productViewed(customer);
        Map<String, Object> order = orderOf(customer, catalogueProduct());

        Response viewed = asStaff().post(EVENTS, view);
        Response placed = asStaff().post(EVENTS, order);
        Response resent = asStaff().post(EVENTS, view);

        assertThat(viewed.status()).as(String.valueOf(viewed.body())).isEqualTo(202);
        assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(202);
        assertThat(storedPayload(view)).isEqualTo(json(Map.of("erased", true)));
        assertThat(storedPayload(order)).isEqualTo(keptOf(order));
        assertThat(resent.text("/status")).as("a resend is a repeat").isEqualTo("DUPLICATE");
    }

    @Test
    void anEventPostedWhileTheCustomersErasureRunsWaitsForItAndIsStoredAsTheErasureLeavesTheOthers() throws Exception {
        Map<String, Object> view = productViewed(customer);

        Response viewed = duringErasureOf(customer, () -> asStaff().post(EVENTS, view));

        assertThat(viewed.status()).as(String.valueOf(viewed.body())).isEqualTo(202);
        assertThat(storedPayload(view)).isEqualTo(json(Map.of("erased", true)));
    }

    @Test
    void anErasedCustomersOrderKeepsItsNumberAndIdFromNewOrdersAndItsResendIsARepeat() {
        String product = catalogueProduct();
        Map<String, Object> order = orderOf(customer, product);
        assertThat(asCustomer(customer).post(EVENTS, order).status()).isEqualTo(202);
        erase(customer);
        UUID another = UUID.randomUUID();
        Map<String, Object> sameNumber = orderOf(another, product);
        sameNumber.put("order_number", order.get("order_number"));
        Map<String, Object> sameOrder = orderOf(another, product);
        sameOrder.put("order_id", order.get("order_id"));

        Response numberClaimed = asCustomer(another).post(EVENTS, sameNumber);
        Response orderClaimed = asCustomer(another).post(EVENTS, sameOrder);
        Response resent = asCustomer(customer).post(EVENTS, order);

        assertThat(storedPayload(order)).isEqualTo(keptOf(order));
        assertThat(numberClaimed.status())
                .as(String.valueOf(numberClaimed.body()))
                .isEqualTo(422);
        assertThat(numberClaimed.errorFields()).containsExactly("order_number");
        assertThat(orderClaimed.status())
                .as(String.valueOf(orderClaimed.body()))
                .isEqualTo(422);
        assertThat(orderClaimed.errorFields()).containsExactly("order_id");
        assertThat(resent.status()).as(String.valueOf(resent.body())).isEqualTo(200);
        assertThat(resent.text("/status")).isEqualTo("DUPLICATE");
    }

    /** Erases the customer and waits for the supervisor's own part of it. */
    private void erase(UUID customerId) {
        Response created = api.post(requests(customerId), Map.of("action", "ERASURE"));
        assertThat(created.status()).isEqualTo(202);
        String requestId = created.text("/id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get(requests(customerId) + "/" + requestId)
                                .body()
                                .path("participants")
                                .valueStream()
                                .filter(p -> p.path("participant").asString().equals("supervisor-agent"))
                                .map(p -> p.path("state").asString()))
                        .containsExactly("DONE"));
    }

    /**
     * Makes the call while an erasure of the customer holds them, as the erasure does from the moment it marks them
     * erased to its commit (on a connection of its own), checks the call waited for it, then lets the erasure commit
     * and returns the call's answer.
     */
    private Response duringErasureOf(UUID customerId, Callable<Response> call) throws Exception {
        try (Connection erasure = LockWaits.secondConnection(environment);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            holdAsErasure(erasure, customerId);
            int erasing = LockWaits.backendPid(erasure);
            Future<Response> answer = threads.submit(call);
            await("the call waiting for the erasure, or answered")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> answer.isDone() || LockWaits.isSessionBlockedBy(jdbc, erasing));
            boolean waited = !answer.isDone();
            erasure.commit();
            Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(waited)
                    .as("waited for the erasure; answered " + response.status())
                    .isTrue();
            return response;
        }
    }

    /**
     * Runs {@code during} while an erasure of the customer holds them, as {@link #duringErasureOf} does, without
     * expecting it to wait; then lets the erasure commit and returns what {@code during} returned. {@code during} is
     * given the erasure's backend pid.
     */
    private <T> T whileErasureOf(UUID customerId, DuringErasure<T> during) throws Exception {
        try (Connection erasure = LockWaits.secondConnection(environment)) {
            holdAsErasure(erasure, customerId);
            T result = during.run(LockWaits.backendPid(erasure));
            erasure.commit();
            return result;
        }
    }

    @FunctionalInterface
    private interface DuringErasure<T> {
        T run(int erasingPid) throws Exception;
    }

    private void awaitAnsweredOrBlocked(Future<Response> call, int erasingPid, long blocked) {
        await("the call answered, or " + blocked + " sessions waiting for the erasure")
                .atMost(Duration.ofSeconds(60))
                .until(() -> call.isDone()
                        || jdbc.queryForObject(
                                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))",
                                        Long.class,
                                        erasingPid)
                                >= blocked);
    }

    private static void holdAsErasure(Connection erasure, UUID customerId) throws Exception {
        try (PreparedStatement lock =
                erasure.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, "supervisor.customer:" + customerId);
            lock.execute();
        }
        try (PreparedStatement mark =
                erasure.prepareStatement("INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, now())")) {
            mark.setObject(1, customerId);
            mark.executeUpdate();
        }
    }

    /** Posts as {@link #api} does, as its administrator, and returns the whole answer, headers included. */
    private HttpResponse<String> postSeeingHeaders(String path, Object body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + TestTokens.staff("test-user", "ADMIN"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    codec.mapper().writeValueAsString(body)))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private long tasksNamingTheCustomer() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM tasks WHERE input_data ->> 'customer_id' = ?", Long.class, customer.toString());
    }

    private long tasksOfThisTest() {
        return jdbc.queryForObject("SELECT count(*) FROM tasks WHERE input_data ->> 'note' = ?", Long.class, note);
    }

    private Map<String, Object> taskAbout(UUID customerId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("customer_id", customerId.toString());
        input.put("note", note);
        return with(ofType("handle-complaint"), "input_data", input);
    }

    private JsonNode storedPayload(Map<String, Object> event) {
        return codec.mapper()
                .readTree(jdbc.queryForObject(
                        "SELECT payload::text FROM commerce_events WHERE event_id = ?::uuid",
                        String.class,
                        event.get("event_id")));
    }

    /** What an erasure keeps of an order. */
    private JsonNode keptOf(Map<String, Object> order) {
        return json(
                Map.of("erased", true, "order_id", order.get("order_id"), "order_number", order.get("order_number")));
    }

    private JsonNode json(Object value) {
        return codec.toTree(value);
    }

    /** A product the shop announced; its id. */
    private String catalogueProduct() {
        Map<String, Object> product = productUpserted();
        assertThat(asStaff().post(EVENTS, product).status()).isEqualTo(202);
        return (String) product.get("product_id");
    }

    /** The customer's order of two units of the product at its catalogue price, under a number of its own. */
    private static Map<String, Object> orderOf(UUID customerId, String productId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "order.placed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("order_id", UUID.randomUUID().toString());
        event.put("order_number", "T" + UUID.randomUUID().toString().substring(0, 8));
        event.put("customer_id", customerId.toString());
        event.put("country", "United Kingdom");
        event.put("currency", "GBP");
        event.put(
                "lines", List.of(Map.of("product_id", productId, "sku", "71053", "quantity", 2, "unit_price", "3.39")));
        return event;
    }

    private Api asCustomer(UUID customerId) {
        return api.withToken(TestTokens.customer(customerId));
    }

    private Api asStaff() {
        return api.withToken(TestTokens.staff("test-admin", "ADMIN"));
    }

    private static String requests(UUID customerId) {
        return "/api/v1/privacy/customers/" + customerId + "/requests";
    }
}
