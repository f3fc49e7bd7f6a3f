package com.agentfactory.messaging.testing;

import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for finance's budget API (finance itself is another service) that records each request as
 * {@code "<path> <Idempotency-Key> <body>"} and answers 201 with a fresh reservation or expense id, so a test can pin
 * what a budget call puts on the wire; or, once told to, refuses each with a status of the test's choosing.
 */
public final class RecordingFinance implements AutoCloseable {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int status = 201;
    private volatile String problem;

    /** @param extraAnswerFields JSON members added to each answer after its id, e.g. {@code "budget_overspent_amount":1.25} */
    public static RecordingFinance start(String extraAnswerFields) {
        try {
            return new RecordingFinance(extraAnswerFields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordingFinance(String extraAnswerFields) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/financial/budgets/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (problem != null) {
                answer(exchange, status, "application/problem+json", problem);
                return;
            }
            String extra = extraAnswerFields.isEmpty() ? "" : "," + extraAnswerFields;
            answer(exchange, 201, "application/json", "{\"id\":\"" + UUID.randomUUID() + "\"" + extra + "}");
        });
        server.start();
    }

    /** From now on answers every request with this status and a problem detail, as finance refuses one. */
    public void refuseWith(int status, String detail) {
        this.status = status;
        this.problem = "{\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    /** As {@link #refuseWith(int, String)}, the problem detail naming its type. */
    public void refuseWith(int status, URI type, String detail) {
        this.status = status;
        this.problem = "{\"type\":\"" + type + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    public List<String> requests() {
        return requests;
    }

    /** A client of this stand-in: one attempt, short timeouts, no token. */
    public FinanceBudgetClient client() {
        var settings = new FinanceClientSettings(
                "http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(30));
        return new FinanceBudgetClient(settings, (request, body, execution) -> execution.execute(request, body));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
