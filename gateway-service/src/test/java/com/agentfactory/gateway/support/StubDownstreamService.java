package com.agentfactory.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * Stands in for every downstream service: answers 200 with a small JSON body, late when asked to, and records what
 * it received.
 */
public final class StubDownstreamService {

    private final HttpServer server;
    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> failures =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> cannedAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> standingAnswers = new java.util.concurrent.ConcurrentHashMap<>();

    private StubDownstreamService(HttpServer server) {
        this.server = server;
    }

    public static StubDownstreamService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubDownstreamService stub = new StubDownstreamService(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request the stub received for this exact path, if any. */
    public Optional<RecordedRequest> requestTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).findFirst();
    }

    /** Every request the stub received for this exact path, in arrival order. */
    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * Answers the next {@code times} requests to this path whose body holds {@code marker} with 503, as a service
     * that is down for that caller.
     */
    public void failNext(String path, String marker, int times) {
        failures.put(path + "\n" + marker, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    /**
     * Answers every request to this path with this JSON body, where the real service's answer has a shape of its own
     * that callers polling in the background check; {@link #answerNext} still goes first.
     */
    public StubDownstreamService answerAlways(String path, String json) {
        standingAnswers.put(path, json);
        return this;
    }

    /** Answers the next request to this path with this JSON body instead of the usual one. */
    public void answerNext(String path, String json) {
        cannedAnswers.put(path, json);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, headers, text));
            boolean failing = failures.entrySet().stream()
                    .filter(failure -> failure.getKey().startsWith(path + "\n"))
                    .filter(failure -> text.contains(failure.getKey().substring(path.length() + 1)))
                    .anyMatch(failure -> failure.getValue().getAndDecrement() > 0);
            if (failing) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            slowDownIfAsked(exchange.getRequestURI().getQuery());
            String canned = cannedAnswers.remove(path);
            byte[] response = (canned == null ? standingAnswers.getOrDefault(path, "{\"stub\":true}") : canned)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        }
    }

    /** {@code ?delay_ms=N} makes the answer N ms late: a slow service, for the gateway's timeouts and bulkheads. */
    private static void slowDownIfAsked(String query) {
        if (query == null || !query.startsWith("delay_ms=")) {
            return;
        }
        try {
            Thread.sleep(Long.parseLong(query.substring("delay_ms=".length())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }
}
