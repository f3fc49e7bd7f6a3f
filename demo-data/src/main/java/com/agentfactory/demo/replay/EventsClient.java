package com.agentfactory.demo.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts event batches to the platform, through the gateway with a bearer token or straight to the supervisor. */
public final class EventsClient {

    static final String BATCH_PATH = "/api/v1/events/batch";
    static final String TOKEN_PATH = "/api/v1/auth/token";

    private static final Pattern EVENT_INDEX = Pattern.compile("^events\\[(\\d+)]");

    /** How requests are authorised. */
    public sealed interface Auth {
        /** Direct supervisor access inside the trusted network. */
        record None() implements Auth {}

        record BearerToken(String token) implements Auth {}

        /** A SYSTEM_AGENT client; the token is fetched lazily and fetched again once if it expires mid-replay. */
        record ClientCredentials(String clientId, String clientSecret) implements Auth {}
    }

    public record Settings(URI baseUri, Auth auth, int maxRetries, Duration initialBackoff, Duration requestTimeout) {

        public Settings {
            Objects.requireNonNull(baseUri);
            Objects.requireNonNull(auth);
            if (maxRetries < 0) {
                throw new IllegalArgumentException("max retries must not be negative");
            }
        }
    }

    /** What happened to one batch. */
    public sealed interface BatchOutcome {
        record Delivered(int accepted, int duplicates) implements BatchOutcome {}

        /** The platform refused the whole batch (validation); nothing of it was stored. */
        record Rejected(int status, String report) implements BatchOutcome {}
    }

    record EventBatch(List<StorefrontEvent> events) {}

    record BatchResponse(Integer accepted, Integer duplicates, List<EventResult> results) {}

    record EventResult(String eventId, String status) {}

    record TokenResponse(String accessToken) {}

    private final HttpClient http;
    private final JsonMapper json;
    private final Settings settings;
    private final Consumer<String> retryListener;
    private String token;

    /**
     * @param retryListener told about every failed attempt that will be retried, so the operator sees why it is slow
     */
    public EventsClient(HttpClient http, JsonMapper json, Settings settings, Consumer<String> retryListener) {
        this.http = http;
        this.json = json;
        this.settings = settings;
        this.retryListener = retryListener;
        if (settings.auth() instanceof Auth.BearerToken(String given)) {
            this.token = given;
        }
    }

    public BatchOutcome send(List<StorefrontEvent> events) throws ReplayAbortedException {
        String body = json.writeValueAsString(new EventBatch(events));
        boolean tokenRefreshed = false;
        while (true) {
            if (token == null && settings.auth() instanceof Auth.ClientCredentials credentials) {
                token = fetchToken(credentials);
            }
            HttpResponse<String> response = exchange("event batch", () -> authorised(post(BATCH_PATH, body)));
            int status = response.statusCode();
            if (status / 100 == 2) {
                return delivered(response.body(), events.size());
            }
            if (status == 401 && settings.auth() instanceof Auth.ClientCredentials && !tokenRefreshed) {
                token = null;
                tokenRefreshed = true;
                continue;
            }
            if (status == 401 || status == 403) {
                throw new ReplayAbortedException(
                        "the platform refused our credentials: HTTP " + status + " " + abbreviate(response.body()));
            }
            return new BatchOutcome.Rejected(status, rejectionReport(response.body(), events));
        }
    }

    private String fetchToken(Auth.ClientCredentials credentials) throws ReplayAbortedException {
        String body = json.writeValueAsString(
                Map.of("client_id", credentials.clientId(), "client_secret", credentials.clientSecret()));
        HttpResponse<String> response = exchange("token request", () -> post(TOKEN_PATH, body));
        if (response.statusCode() / 100 != 2) {
            throw new ReplayAbortedException("could not obtain an access token for client '" + credentials.clientId()
                    + "': HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        try {
            String accessToken =
                    json.readValue(response.body(), TokenResponse.class).accessToken();
            if (accessToken == null || accessToken.isBlank()) {
                throw new ReplayAbortedException("token response has no access_token: " + abbreviate(response.body()));
            }
            return accessToken;
        } catch (JacksonException e) {
            throw new ReplayAbortedException("unreadable token response: " + abbreviate(response.body()));
        }
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(settings.baseUri().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /**
     * Sends with retries on what is likely transient (connection failures, 5xx, 429) and returns any other response.
     * Replays are idempotent, so re-sending a batch the platform may already have stored is harmless.
     */
    private HttpResponse<String> exchange(String what, Supplier<HttpRequest.Builder> request)
            throws ReplayAbortedException {
        String lastProblem = "";
        int attempts = settings.maxRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.get().build(), HttpResponse.BodyHandlers.ofString());
                if (!retryable(response.statusCode())) {
                    return response;
                }
                lastProblem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayAbortedException("interrupted while sending " + what);
            }
            if (attempt < attempts) {
                Duration backoff = backoff(attempt);
                retryListener.accept(what + " attempt " + attempt + "/" + attempts + " failed (" + lastProblem
                        + "), retrying in " + backoff.toMillis() + " ms");
                pause(backoff, what);
            }
        }
        throw new ReplayAbortedException(what + " failed after " + attempts + " attempts, last: " + lastProblem);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    private Duration backoff(int attempt) {
        // exponential, capped so a long outage is still probed regularly
        long factor = 1L << Math.min(attempt - 1, 5);
        return settings.initialBackoff().multipliedBy(factor);
    }

    private static void pause(Duration duration, String what) throws ReplayAbortedException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayAbortedException("interrupted while retrying " + what);
        }
    }

    private BatchOutcome.Delivered delivered(String body, int batchSize) {
        try {
            BatchResponse response = json.readValue(body, BatchResponse.class);
            List<EventResult> results = response.results() == null ? List.of() : response.results();
            int accepted = response.accepted() != null
                    ? response.accepted()
                    : (int) results.stream()
                            .filter(r -> "ACCEPTED".equals(r.status()))
                            .count();
            int duplicates = response.duplicates() != null
                    ? response.duplicates()
                    : (int) results.stream()
                            .filter(r -> "DUPLICATE".equals(r.status()))
                            .count();
            return new BatchOutcome.Delivered(accepted, duplicates);
        } catch (JacksonException e) {
            // a 2xx means the batch was stored; an odd body must not make us count it as lost
            return new BatchOutcome.Delivered(batchSize, 0);
        }
    }

    /** Points each validation error at the event it concerns, since "events[3]" alone means little to an operator. */
    private String rejectionReport(String body, List<StorefrontEvent> events) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem == null || !problem.isObject()) {
                return abbreviate(body);
            }
            List<String> parts = new ArrayList<>();
            parts.add(text(problem, "title") + (problem.has("detail") ? ": " + text(problem, "detail") : ""));
            for (JsonNode error : problem.path("errors")) {
                String field = text(error, "field");
                String where = field;
                Matcher index = EVENT_INDEX.matcher(field);
                if (index.find()) {
                    int i = Integer.parseInt(index.group(1));
                    if (i < events.size()) {
                        where = field + " (" + describe(events.get(i)) + ")";
                    }
                }
                parts.add("  " + where + ": " + text(error, "message"));
            }
            return String.join(System.lineSeparator(), parts);
        } catch (JacksonException e) {
            return abbreviate(body);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String describe(StorefrontEvent event) {
        return switch (event) {
            case StorefrontEvent.ProductUpserted p -> "product.upserted sku " + p.sku();
            case StorefrontEvent.CustomerUpserted c -> "customer.upserted customer " + c.customerNumber();
            case StorefrontEvent.OrderPlaced o -> "order.placed invoice " + o.orderNumber();
            case StorefrontEvent.OrderCancelled c -> "order.cancelled invoice " + c.cancellationNumber();
        };
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip();
        return flat.length() <= 2000 ? flat : flat.substring(0, 2000) + "...";
    }
}
