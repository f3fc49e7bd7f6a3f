package com.agentfactory.platform;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of work through the gateway, as a storefront and the operators would send it while services fail:
 * a task for every agent, storefront orders and product views, budget reservations, and new customers who consent
 * to e-mail and are enrolled in the run's two-e-mail journey. Only what the platform
 * accepted is recorded. A request whose outcome is unknown (refused connection, 5xx, timeout) is sent again with the
 * same ids (event ids, Idempotency-Key) until it is answered, and on {@link #close()} every request in flight is
 * finished that way: an unknown outcome would otherwise be an effect the checker could not account for.
 * A task submission carries no idempotency key, so a task whose submission was not answered is simply not counted.
 */
final class SteadyLoad implements AutoCloseable {

    static final List<String> AGENT_TYPES = List.of("support", "inventory", "recommendation", "ad", "campaign");
    private static final int ORDERS_PER_BATCH = 4;
    private static final int VIEWS_PER_BATCH = 4;
    /** Views fall on this many products, as on a real catalogue: every view of a new product would be a new item
     * for the recommendation models, unlike any store, and they would grow with the length of the run. */
    private static final int VIEWED_PRODUCTS = 50;

    private static final Duration DRAIN = Duration.ofMinutes(5);
    /** The e-mail steps of the run's journey, each of which must send once per enrolled customer. */
    static final List<String> JOURNEY_EMAIL_STEPS = List.of("first", "second");

    final String runId = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    final String sku = "FAULT" + runId.toUpperCase(Locale.ROOT);
    final String department = "fault-" + runId;
    final String fiscalPeriod = YearMonth.now(ZoneOffset.UTC).toString();
    final int initialStock = 1_000_000;
    final BigDecimal reservationAmount = new BigDecimal("0.01");
    /** The run's customers' addresses end with this, so the SMTP server's messages to them are the run's. */
    final String mailDomain = "fault-" + runId + ".test";

    volatile UUID journeyId;

    private final List<UUID> viewedProducts = java.util.stream.Stream.generate(UUID::randomUUID)
            .limit(VIEWED_PRODUCTS)
            .toList();

    final Set<String> acceptedTasks = ConcurrentHashMap.newKeySet();
    /** order id → the order event's id, for orders the platform accepted */
    final Map<UUID, UUID> acceptedOrders = new ConcurrentHashMap<>();

    final Set<UUID> acceptedViews = ConcurrentHashMap.newKeySet();
    final Set<String> acceptedReservations = ConcurrentHashMap.newKeySet();
    /** customers the run's journey accepted */
    final Set<UUID> acceptedEnrolments = ConcurrentHashMap.newKeySet();

    final AtomicInteger acceptedBatches = new AtomicInteger();
    final AtomicInteger failedAttempts = new AtomicInteger();
    /** Load clients that gave up (a refused request, an answer that never came); a correct run has none. */
    final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final RunningPlatform platform;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(4);
    private volatile String token;

    SteadyLoad(RunningPlatform platform) {
        this.platform = platform;
    }

    /** Opens the run's budget, stocks its SKU and activates its journey, then starts sending. */
    SteadyLoad start() {
        token = login();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> call(
                                "PUT",
                                "/api/v1/financial/budgets/" + department,
                                Map.of(
                                        "fiscal_period", fiscalPeriod,
                                        "allocated_amount", "1000000.00",
                                        "currency", "GBP")),
                        reply -> reply != null && reply.status() / 100 == 2);
        var product = CommerceEvents.product(sku, "Fault harness lantern", "lighting", "3.39", initialStock);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> call("POST", "/api/v1/events/batch", Map.of("events", List.of(product))),
                        reply -> reply != null && reply.status() == 200);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            Http.Reply stock = call("GET", "/api/v1/inventory/stock/" + sku, null);
            return stock != null && stock.body().at("/on_hand").asInt(-1) == initialStock;
        });
        journeyId = activateJourney();
        // together under the gateway's per-user limit (20 requests a second), so each client gets its share
        clients.scheduleWithFixedDelay(recorded(this::submitTasks), 0, 600, TimeUnit.MILLISECONDS);
        clients.scheduleWithFixedDelay(recorded(this::sendEvents), 0, 400, TimeUnit.MILLISECONDS);
        clients.scheduleWithFixedDelay(recorded(this::reserve), 0, 500, TimeUnit.MILLISECONDS);
        clients.scheduleWithFixedDelay(recorded(this::enrolCustomer), 0, 1000, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Two e-mails a second apart, started only by the load's own enrolments: its trigger is the entry into a segment
     * nobody is in, so other tests' customers never enter it and the run's customers enter no other journey this way.
     */
    private UUID activateJourney() {
        Http.Reply segment = call(
                "POST",
                "/api/v1/campaigns/segments",
                Map.of(
                        "name",
                        "Fault harness " + runId,
                        "rules",
                        Map.of("field", "country", "op", "eq", "value", "Nowhere " + runId)));
        expect(segment, 201);
        List<Map<String, Object>> steps = new ArrayList<>();
        steps.add(Map.of("id", JOURNEY_EMAIL_STEPS.get(0), "type", "email", "template", "final_abandoned_cart"));
        steps.add(Map.of("id", "pause", "type", "wait", "duration", "PT1S"));
        steps.add(Map.of("id", JOURNEY_EMAIL_STEPS.get(1), "type", "email", "template", "final_abandoned_cart"));
        steps.add(Map.of("id", "done", "type", "end"));
        Http.Reply journey = call(
                "POST",
                "/api/v1/campaigns/journeys",
                Map.of(
                        "name",
                        "Fault harness " + runId,
                        "trigger",
                        Map.of("type", "segment_entry", "segment_id", segment.text("/id")),
                        "steps",
                        steps));
        expect(journey, 201);
        expect(call("POST", "/api/v1/campaigns/journeys/" + journey.text("/id") + "/activate", Map.of()), 200);
        return UUID.fromString(journey.text("/id"));
    }

    private static void expect(Http.Reply reply, int status) {
        if (reply == null || reply.status() != status) {
            throw new IllegalStateException("the load could not set up its journey: "
                    + (reply == null ? "no answer" : reply.status() + " " + reply.body()));
        }
    }

    /**
     * A new customer signs up, consents to e-mail, and is enrolled in the run's journey. The customer reaches the
     * campaign agent through Kafka, so its consent API answers 404 until then. The customer's quiet hours follow a
     * zone where it is early afternoon now, so the sends go out whenever the run happens.
     */
    private void enrolCustomer() {
        if (stopping.get()) {
            return;
        }
        UUID customer = UUID.randomUUID();
        Map<String, Object> account = CommerceEvents.customer(customer, customer + "@" + mailDomain);
        untilAnswered(() -> call("POST", "/api/v1/events/batch", Map.of("events", List.of(account))), 200);
        String consents = "/api/v1/campaigns/consents/" + customer;
        Map<String, Object> email = Map.of("channel", "email", "granted", true, "source", "checkout");
        untilAnswered(() -> call("PUT", consents, Map.of("consents", List.of(email))), Set.of(404), 200);
        untilAnswered(() -> call("PUT", consents + "/time-zone", Map.of("time_zone", afternoonZone())), 200);
        Map<String, Object> context = Map.of("cart_value", "9.99", "currency", "GBP", "discount", "10%");
        // an enrolment whose answer was lost is refused as already enrolled when sent again: both mean enrolled
        untilAnswered(
                () -> call(
                        "POST",
                        "/api/v1/campaigns/journeys/" + journeyId + "/enrolments",
                        Map.of("customer_id", customer, "context", context)),
                201,
                409);
        acceptedEnrolments.add(customer);
    }

    /** A fixed offset at which it is about 13:00 now, far from the quiet hours of the evening and night. */
    private static String afternoonZone() {
        int utcHour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
        int hours = Math.floorMod(13 - utcHour + 12, 24) - 12;
        return ZoneOffset.ofHours(hours).getId();
    }

    /** A failing client would otherwise stop silently: its failure is kept for the test to report. */
    private Runnable recorded(Runnable client) {
        return () -> {
            try {
                client.run();
            } catch (RuntimeException e) {
                errors.add(e.toString());
            }
        };
    }

    private void submitTasks() {
        for (String type : AGENT_TYPES) {
            if (stopping.get()) {
                return;
            }
            Http.Reply reply = call(
                    "POST",
                    "/api/v1/agents/tasks",
                    Map.of(
                            "task_type", "health-check",
                            "agent_id",
                                    com.agentfactory.messaging.runtime.AgentIds.forType(type)
                                            .toString(),
                            "input_data", Map.of("run", runId)));
            if (reply != null && reply.status() == 201) {
                acceptedTasks.add(reply.text("/task_id"));
            } else {
                failedAttempts.incrementAndGet();
            }
        }
    }

    private void sendEvents() {
        if (stopping.get()) {
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>();
        Map<UUID, UUID> orders = new LinkedHashMap<>();
        List<UUID> views = new ArrayList<>();
        for (int i = 0; i < ORDERS_PER_BATCH; i++) {
            Map<String, Object> order = CommerceEvents.order(sku, 1, Instant.now());
            orders.put(
                    UUID.fromString((String) order.get("order_id")), UUID.fromString((String) order.get("event_id")));
            events.add(order);
        }
        for (int i = 0; i < VIEWS_PER_BATCH; i++) {
            UUID product = viewedProducts.get(
                    java.util.concurrent.ThreadLocalRandom.current().nextInt(VIEWED_PRODUCTS));
            Map<String, Object> view = CommerceEvents.productView(UUID.randomUUID(), product);
            views.add(UUID.fromString((String) view.get("event_id")));
            events.add(view);
        }
        // all of a batch is stored or none: retried with the same event ids until answered, duplicates included
        untilAnswered(() -> call("POST", "/api/v1/events/batch", Map.of("events", events)), 200);
        acceptedOrders.putAll(orders);
        acceptedViews.addAll(views);
        acceptedBatches.incrementAndGet();
    }

    private void reserve() {
        if (stopping.get()) {
            return;
        }
        String key = "fault-" + runId + "-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "fiscal_period",
                fiscalPeriod,
                "amount",
                reservationAmount,
                "currency",
                "GBP",
                "purpose",
                "fault harness " + runId,
                "requested_by",
                "fault-harness");
        // the first answer is 201; a retry of a request that was stored before its answer was lost is 200
        untilAnswered(
                () -> call(
                        "POST",
                        "/api/v1/financial/budgets/" + department + "/reservations",
                        body,
                        Map.of("Idempotency-Key", key)),
                201,
                200);
        acceptedReservations.add(key);
    }

    private void untilAnswered(java.util.function.Supplier<Http.Reply> request, int... accepted) {
        untilAnswered(request, Set.of(), accepted);
    }

    /** Sends until one of {@code accepted} comes back; {@code notYet} are answers to wait out, like no answer. */
    private void untilAnswered(java.util.function.Supplier<Http.Reply> request, Set<Integer> notYet, int... accepted) {
        await().atMost(DRAIN)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Http.Reply reply = request.get();
                    if (reply == null) {
                        failedAttempts.incrementAndGet();
                        return false;
                    }
                    for (int status : accepted) {
                        if (reply.status() == status) {
                            return true;
                        }
                    }
                    if (reply.status() != 401 && reply.status() != 429 && !notYet.contains(reply.status())) {
                        throw new IllegalStateException(
                                "the platform refused the load's request: " + reply.status() + " " + reply.body());
                    }
                    failedAttempts.incrementAndGet();
                    return false;
                });
    }

    private Http.Reply call(String method, String path, Object body) {
        return call(method, path, body, Map.of());
    }

    /** One attempt; null when the outcome is unknown (no answer). A 401 means the token expired: sign in again. */
    private Http.Reply call(String method, String path, Object body, Map<String, String> headers) {
        try {
            String url = platform.gateway.baseUrl() + path;
            Http.Reply reply =
                    switch (method) {
                        case "GET" -> Http.get(url, token);
                        case "PUT" -> Http.put(url, token, body);
                        default -> Http.post(url, token, body, headers);
                    };
            if (reply.status() == 401) {
                token = login();
            }
            return reply.status() >= 500 ? null : reply;
        } catch (RuntimeException noAnswer) {
            return null;
        }
    }

    private String login() {
        return await().atMost(DRAIN)
                .ignoreExceptions()
                .until(
                        () -> Http.post(
                                platform.gateway.baseUrl() + "/api/v1/auth/login",
                                null,
                                Map.of(
                                        "email",
                                        RunningPlatform.ADMIN_EMAIL,
                                        "password",
                                        RunningPlatform.ADMIN_PASSWORD)),
                        reply -> reply.status() == 200)
                .text("/access_token");
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "accepted %d tasks, %d orders, %d product views, %d budget reservations, %d journey enrolments"
                        + " (%d attempts without an answer)",
                acceptedTasks.size(),
                acceptedOrders.size(),
                acceptedViews.size(),
                acceptedReservations.size(),
                acceptedEnrolments.size(),
                failedAttempts.get());
    }

    /** Stops sending and finishes every request in flight, so each accepted effect is known. */
    @Override
    public void close() {
        stopping.set(true);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(DRAIN.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests were still in flight after " + DRAIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
