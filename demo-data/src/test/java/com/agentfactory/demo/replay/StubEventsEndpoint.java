package com.agentfactory.demo.replay;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the platform's token and batch endpoints on a free local port. Like the real service it remembers event ids,
 * so a second replay is answered with duplicates; single responses can be scripted to simulate outages and rejections.
 */
final class StubEventsEndpoint implements AutoCloseable {

    static final String TOKEN = "stub-token-123";

    record Recorded(String path, String authorization, String body) {}

    record Scripted(int status, String contentType, String body) {}

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> scriptedBatchResponses = new ConcurrentLinkedDeque<>();
    private final Set<String> storedEventIds = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile CountDownLatch holdBatches = new CountDownLatch(0);

    StubEventsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(EventsClient.TOKEN_PATH, this::token);
        server.createContext(EventsClient.BATCH_PATH, this::batch);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next batch requests get these answers, in order, before normal service resumes. */
    void respondToNextBatches(Scripted... responses) {
        scriptedBatchResponses.addAll(List.of(responses));
    }

    static Scripted unavailable() {
        return new Scripted(503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503}");
    }

    static Scripted unprocessable(String field, String message) {
        return new Scripted(
                422,
                "application/problem+json",
                "{\"title\":\"Invalid events\",\"status\":422,\"detail\":\"1 event is invalid\",\"errors\":[{\"field\":\""
                        + field + "\",\"message\":\"" + message + "\"}]}");
    }

    /** Keeps batch requests waiting until {@link #releaseBatches()}, to observe a replay in flight. */
    void holdBatches() {
        holdBatches = new CountDownLatch(1);
    }

    void releaseBatches() {
        holdBatches.countDown();
    }

    List<Recorded> requests() {
        return Collections.unmodifiableList(requests);
    }

    List<Recorded> batchRequests() {
        return requests.stream()
                .filter(r -> r.path().equals(EventsClient.BATCH_PATH))
                .toList();
    }

    List<Recorded> tokenRequests() {
        return requests.stream()
                .filter(r -> r.path().equals(EventsClient.TOKEN_PATH))
                .toList();
    }

    /** All events of all batch requests, as the JSON the platform received. */
    List<JsonNode> receivedEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (Recorded request : batchRequests()) {
            json.readTree(request.body()).path("events").forEach(events::add);
        }
        return events;
    }

    JsonNode json(String body) {
        return json.readTree(body);
    }

    private Recorded record(HttpExchange exchange) throws IOException {
        Recorded recorded = new Recorded(
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        requests.add(recorded);
        return recorded;
    }

    private void token(HttpExchange exchange) throws IOException {
        Recorded request = record(exchange);
        JsonNode credentials = json.readTree(request.body());
        if ("replay-agent".equals(credentials.path("client_id").asString())
                && "s3cret".equals(credentials.path("client_secret").asString())) {
            respond(
                    exchange,
                    200,
                    "application/json",
                    json.writeValueAsString(Map.of("access_token", TOKEN, "token_type", "Bearer", "expires_in", 900)));
        } else {
            respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
        }
    }

    private void batch(HttpExchange exchange) throws IOException {
        Recorded request = record(exchange);
        try {
            holdBatches.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Scripted scripted = scriptedBatchResponses.poll();
        if (scripted != null) {
            respond(exchange, scripted.status(), scripted.contentType(), scripted.body());
            return;
        }
        if (request.authorization() != null && !request.authorization().equals("Bearer " + TOKEN)) {
            respond(exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode results = response.putArray("results");
        int accepted = 0;
        int duplicates = 0;
        for (JsonNode event : json.readTree(request.body()).path("events")) {
            String eventId = event.path("event_id").asString();
            boolean isNew = storedEventIds.add(eventId);
            if (isNew) {
                accepted++;
            } else {
                duplicates++;
            }
            results.addObject().put("event_id", eventId).put("status", isNew ? "ACCEPTED" : "DUPLICATE");
        }
        response.put("accepted", accepted).put("duplicates", duplicates);
        respond(exchange, 200, "application/json", json.writeValueAsString(response));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseBatches();
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
