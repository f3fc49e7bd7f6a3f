package com.agentfactory.messaging.testing;

import com.agentfactory.messaging.security.ServiceSecurityAutoConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of a running service's OpenAPI document (springdoc's {@code /v3/api-docs}) and sends it the
 * inputs a careless or hostile caller would: malformed JSON, values of the wrong type, missing required fields, NUL
 * characters, 1 MB strings, huge and negative numbers, invalid UUIDs, unknown enum values, SQL and script injection
 * and a 10 MB body. Each answer is held to the API's error contract: never a 5xx, every error an
 * {@code application/problem+json} document, a 400/422 about one body field names that field, and no answer names
 * a Java type or carries a stack trace. Optional row counters prove a refused write left nothing behind.
 *
 * <p>Each operation is first sent a well-formed request built from its schemas (the baseline); a mutation is only
 * expected to name its field when the baseline itself was accepted, since otherwise the service may rightly refuse
 * the request for the baseline's own reason.
 */
public final class BadInputCorpus {

    static final String NUL_TEXT = "corpus\u0000text";
    static final String SQL_INJECTION = "'; DROP TABLE tasks; -- OR '1'='1";
    static final String SCRIPT_INJECTION = "<script>alert('corpus')</script>";
    static final String INVALID_UUID = "not-a-uuid";
    static final String UNKNOWN_ENUM = "NOT_A_KNOWN_VALUE";
    static final int ONE_MB = 1 << 20;
    static final int TEN_MB = 10 << 20;

    /** How the services' documents name a customer's id in a path. */
    private static final Set<String> CUSTOMER_VARIABLES = Set.of("customerId", "customer_id");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    private static final int MAX_DEPTH = 4;
    /** What a leaked Java internal looks like: a qualified class name, an exception, a stack frame, a quoted type. */
    private static final Pattern JAVA_LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.hibernate|"
                    + "org\\.postgresql|org\\.apache|com\\.agentfactory)\\.[a-zA-Z]"
                    + "|[A-Za-z]+(Exception|Error)\\b(?! (message|code))"
                    + "|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
                    + "|`[\\w$.]+`"
                    + "|\\bCaused by\\b");

    // Bodies over every service's limit (the 10 MB case) are announced first, as a careful client does, so the
    // refusal arrives before the body is sent; smaller ones go straight away, as most clients send them.
    private static final int EXPECT_CONTINUE_ABOVE_CHARS = 2 * ONE_MB;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private Consumer<HttpRequest.Builder> authentication = request -> {};
    private Predicate<String> operationFilter = operation -> true;
    private final Map<String, LongSupplier> rowCounters = new LinkedHashMap<>();
    private String apiDocsPath = "/v3/api-docs";

    private BadInputCorpus(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The corpus against the service listening at {@code baseUrl} (e.g. {@code http://127.0.0.1:8081}). */
    public static BadInputCorpus against(String baseUrl) {
        return new BadInputCorpus(baseUrl);
    }

    /**
     * The corpus against a service under test on {@code port}, sent by a member of staff holding every staff
     * role, so that the walk reaches each operation's input handling.
     */
    public static BadInputCorpus againstStaff(int port) {
        String token = TestTokens.staff("corpus-admin", "ADMIN", "MARKETING_MANAGER", "SUPPORT_AGENT");
        return against("http://127.0.0.1:" + port)
                .authenticatedBy(request -> request.header("Authorization", "Bearer " + token));
    }

    /** How each request authenticates as the service expects: a bearer token. */
    public BadInputCorpus authenticatedBy(Consumer<HttpRequest.Builder> authentication) {
        this.authentication = authentication;
        return this;
    }

    /** Only the operations ({@code "POST /api/v1/agents/tasks"}) the predicate keeps. */
    public BadInputCorpus onlyOperations(Predicate<String> operationFilter) {
        this.operationFilter = operationFilter;
        return this;
    }

    public BadInputCorpus apiDocsAt(String path) {
        this.apiDocsPath = path;
        return this;
    }

    /**
     * A table whose row count a refused write must not change, read before and after every refused body request
     * (nothing half-written).
     */
    public BadInputCorpus unchangedWhenRefused(String table, LongSupplier rowCount) {
        rowCounters.put(table, rowCount);
        return this;
    }

    /** {@link #unchangedWhenRefused(String, LongSupplier)} for each of the schema's tables, counted in the database. */
    public BadInputCorpus unchangedWhenRefused(
            org.springframework.jdbc.core.simple.JdbcClient jdbc, String schema, String... tables) {
        for (String table : tables) {
            String qualified = schema + "." + table;
            unchangedWhenRefused(qualified, () -> jdbc.sql("SELECT count(*) FROM " + qualified)
                    .query(Long.class)
                    .single());
        }
        return this;
    }

    /** Sends the whole corpus and returns what broke the contract; empty when the service kept it everywhere. */
    public Report run() {
        return walkOperations(OperationWalk::walk);
    }

    /**
     * Calls every operation with a well-formed request but no valid token: none at all, identity headers only (an
     * ADMIN user, a customer and an agent named in headers), an ADMIN token signed with another key, and a rightly
     * signed but expired one. Each must be answered 401 with a problem detail and change nothing.
     */
    public Report runWithoutValidToken() {
        return walkOperations(OperationWalk::walkWithoutValidToken);
    }

    /**
     * Calls every operation with a well-formed request as each caller of the access matrix (the gateway's visitor
     * token standing for the anonymous column): the service itself must refuse with 403 exactly the callers the
     * matrix refuses, a customer also with another customer's id where only its own is admitted, and change
     * nothing when it refuses. Operations without a row are left to the row check.
     */
    public Report runAccessMatrix(AccessMatrix matrix) {
        Map<String, AccessMatrix.Row> rows = new LinkedHashMap<>();
        matrix.rows().forEach(row -> rows.put(row.operation(), row));
        return walkOperations((walk, unused) -> walk.walkAccessMatrix(rows.get(walk.name)));
    }

    private Report walkOperations(java.util.function.BiConsumer<OperationWalk, Void> walker) {
        JsonNode document = fetchDocument();
        Report report = new Report();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toLowerCase(Locale.ROOT);
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (operationFilter.test(name)) {
                    walker.accept(
                            new OperationWalk(
                                    document,
                                    name,
                                    method,
                                    path.getKey(),
                                    path.getValue(),
                                    operation.getValue(),
                                    report),
                            null);
                }
            }
        }
        return report;
    }

    private JsonNode fetchDocument() {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + apiDocsPath)).GET();
        authentication.accept(request);
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "the OpenAPI document at " + apiDocsPath + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every contract breach the corpus found, one line each, and how many requests were sent. */
    public static final class Report {
        private final List<String> violations = new ArrayList<>();
        private final Set<String> operations = new java.util.TreeSet<>();
        private int requests;

        public List<String> violations() {
            return List.copyOf(violations);
        }

        public int requests() {
            return requests;
        }

        /** The operations walked, as {@code "POST /api/v1/agents/tasks"}. */
        public Set<String> operations() {
            return Set.copyOf(operations);
        }

        void add(String violation) {
            violations.add(violation);
        }
    }

    /** One field of a request body reached by a JSON path, with its schema. */
    private record BodyField(List<Object> path, String display, JsonNode schema, boolean required) {}

    /** One path or query parameter. */
    private record Parameter(String name, String in, JsonNode schema, boolean required) {}

    private final class OperationWalk {
        private final JsonNode document;
        private final String name;
        private final String method;
        private final String pathTemplate;
        private final List<Parameter> parameters = new ArrayList<>();
        private final JsonNode bodySchema;
        private final JsonNode bodyExample;
        private final Map<String, JsonNode> documentedResponses = new LinkedHashMap<>();
        private final Set<Integer> undocumentedStatusesSeen = new java.util.HashSet<>();
        private final Report report;
        private boolean baselineAccepted;
        private Consumer<HttpRequest.Builder> requestAuthentication = authentication;

        OperationWalk(
                JsonNode document,
                String name,
                String method,
                String pathTemplate,
                JsonNode pathItem,
                JsonNode operation,
                Report report) {
            this.document = document;
            this.name = name;
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.report = report;
            List<JsonNode> declared = new ArrayList<>();
            pathItem.path("parameters").forEach(declared::add);
            operation.path("parameters").forEach(declared::add);
            for (JsonNode parameter : declared) {
                parameter = resolve(parameter);
                String in = parameter.path("in").asString();
                if (in.equals("path") || in.equals("query")) {
                    parameters.add(new Parameter(
                            parameter.path("name").asString(),
                            in,
                            resolve(parameter.path("schema")),
                            parameter.path("required").asBoolean(false) || in.equals("path")));
                }
            }
            JsonNode content = resolve(operation.path("requestBody")).path("content");
            JsonNode media = content.has("application/json")
                    ? content.path("application/json")
                    : content.properties().stream()
                            .filter(entry -> entry.getKey().contains("json"))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
            this.bodySchema = media == null || !BODY_METHODS.contains(method) ? null : resolve(media.path("schema"));
            this.bodyExample = media == null ? null : documentExample(media, bodySchema);
            operation.path("responses").properties().forEach(response -> {
                documentedResponses.put(response.getKey(), resolve(response.getValue()));
                boolean refusal =
                        response.getKey().startsWith("4") || response.getKey().startsWith("5");
                JsonNode responseContent = resolve(response.getValue()).path("content");
                if (refusal && !responseContent.isMissingNode() && !responseContent.has("application/problem+json")) {
                    report.add(name + " documents its " + response.getKey() + " answer as "
                            + responseContent.propertyNames() + ", not application/problem+json");
                }
            });
            report.operations.add(name);
        }

        /** The media type's example, else its first named example, else the body schema's own. */
        private static JsonNode documentExample(JsonNode media, JsonNode schema) {
            if (media.has("example")) {
                return media.path("example");
            }
            var named = media.path("examples").values().stream()
                    .filter(example -> example.has("value"))
                    .findFirst();
            if (named.isPresent()) {
                return named.get().path("value");
            }
            return schema != null && schema.has("example") ? schema.path("example") : null;
        }

        void walkWithoutValidToken(Void unused) {
            Map<String, String> validParameters = validParameters();
            JsonNode validBody = bodySchema == null ? null : sample(bodySchema, 0);
            String validJson = validBody == null ? null : JSON.writeValueAsString(validBody);
            Map<String, Consumer<HttpRequest.Builder>> callers = new LinkedHashMap<>();
            callers.put("no token", request -> {});
            callers.put("identity headers only", request -> request.header("X-User-Id", "header-admin")
                    .header("X-User-Roles", "ADMIN,SYSTEM_AGENT")
                    .header("X-Customer-Id", java.util.UUID.randomUUID().toString())
                    .header("X-Agent-Id", "header-agent"));
            callers.put(
                    "forged token", request -> request.header("Authorization", "Bearer " + TestTokens.forgedAdmin()));
            callers.put(
                    "expired token", request -> request.header("Authorization", "Bearer " + TestTokens.expiredAdmin()));
            callers.forEach((label, caller) -> {
                requestAuthentication = caller;
                Outcome outcome = exchange(label, validParameters, validJson);
                if (outcome.status() != 401) {
                    violation(outcome, "was answered " + outcome.status() + " instead of 401");
                }
            });
            requestAuthentication = authentication;
        }

        void walkAccessMatrix(AccessMatrix.Row row) {
            if (row == null) {
                return;
            }
            java.util.UUID customerId = java.util.UUID.randomUUID();
            String own = customerId.toString();
            String someoneElse = java.util.UUID.randomUUID().toString();
            JsonNode validBody = bodySchema == null ? null : sample(bodySchema, 0);
            String validJson = validBody == null ? null : JSON.writeValueAsString(validBody);
            for (AccessMatrix.Role role : AccessMatrix.Role.values()) {
                String token = matrixToken(role, customerId);
                requestAuthentication = request -> request.header("Authorization", "Bearer " + token);
                AccessMatrix.Access expected = row.access().get(role);
                boolean customer = role == AccessMatrix.Role.CUSTOMER;
                Outcome outcome = exchange(role.name(), withCustomerId(customer ? own : someoneElse), validJson);
                boolean refused = refusedByRole(outcome);
                if (refused != (expected == AccessMatrix.Access.NO)) {
                    violation(
                            outcome,
                            "as " + role + " was " + (refused ? "refused" : "admitted") + ", but the "
                                    + AccessMatrix.FILE + " says " + expected);
                }
                if (expected == AccessMatrix.Access.OWN) {
                    Outcome others =
                            exchange(role + " with another customer's id", withCustomerId(someoneElse), validJson);
                    if (!refusedByRole(others)) {
                        violation(others, "admitted a customer to another customer's data");
                    }
                }
            }
            requestAuthentication = authentication;
        }

        /** The valid parameters, with a customer id path variable set to {@code customerId}. */
        private Map<String, String> withCustomerId(String customerId) {
            Map<String, String> values = validParameters();
            parameters.stream()
                    .filter(parameter -> parameter.in().equals("path"))
                    .filter(parameter -> CUSTOMER_VARIABLES.contains(parameter.name()))
                    .forEach(parameter -> values.put(parameter.name(), customerId));
            return values;
        }

        private Map<String, String> validParameters() {
            Map<String, String> validParameters = new LinkedHashMap<>();
            parameters.forEach(parameter -> {
                if (parameter.required()) {
                    validParameters.put(
                            parameter.name(), sample(parameter.schema(), 0).asString(""));
                }
            });
            return validParameters;
        }

        void walk(Void unused) {
            Map<String, String> validParameters = validParameters();
            JsonNode validBody = bodySchema == null ? null : sample(bodySchema, 0);
            String validJson = validBody == null ? null : JSON.writeValueAsString(validBody);

            Outcome baseline = exchange("baseline", validParameters, validJson);
            baselineAccepted = baseline.status() >= 200 && baseline.status() < 300;
            if (bodySchema != null && bodyExample == null) {
                violation(baseline, "has no example of its request body in the document");
            }
            if (bodyExample != null) {
                // the example must be the wire format: what it names may not exist, but it must be readable
                Outcome example = exchange("document example", validParameters, JSON.writeValueAsString(bodyExample));
                if (example.status() == 400) {
                    violation(example, "refuses the document's own example as malformed");
                }
            }

            for (Parameter parameter : parameters) {
                parameterMutations(parameter).forEach((label, value) -> {
                    Map<String, String> mutated = new LinkedHashMap<>(validParameters);
                    mutated.put(parameter.name(), value);
                    Outcome outcome =
                            exchange(parameter.in() + " " + parameter.name() + ": " + label, mutated, validJson);
                    if (label.equals("NUL")
                            || label.equals("invalid UUID")
                            || label.equals("unknown enum")
                            || label.equals("not a number")) {
                        expectRefused(outcome);
                    }
                });
            }
            if (validBody == null) {
                return;
            }
            expectRefused(exchange("malformed JSON", validParameters, "{\"broken\": [1, 2"));
            expectRefused(exchange("a JSON string for the body", validParameters, "\"just text\""));
            expectRefused(exchange("10 MB body", validParameters, tenMegabyteBody()));
            if (validBody.isObject()) {
                expectRefused(exchange("a JSON array for the body", validParameters, "[]"));
            }
            for (BodyField field : fields(bodySchema, validBody)) {
                if (field.required()) {
                    JsonNode without = validBody.deepCopy();
                    remove(without, field.path());
                    expectFieldNamed(
                            field,
                            exchange("body " + field.display() + ": missing", validParameters, write(without)),
                            true);
                }
                fieldMutations(field).forEach((label, value) -> {
                    JsonNode mutated = validBody.deepCopy();
                    replace(mutated, field.path(), value);
                    Outcome outcome =
                            exchange("body " + field.display() + ": " + label, validParameters, write(mutated));
                    boolean mustRefuse = label.equals("NUL")
                            || label.equals("wrong type")
                            || label.equals("invalid UUID")
                            || label.equals("unknown enum");
                    expectFieldNamed(field, outcome, mustRefuse);
                });
            }
        }

        private Map<String, String> parameterMutations(Parameter parameter) {
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode schema = parameter.schema();
            String type = type(schema);
            values.put("NUL", NUL_TEXT);
            values.put("SQL injection", SQL_INJECTION);
            values.put("script injection", SCRIPT_INJECTION);
            if (parameter.in().equals("query")) {
                // a 1 MB URL is over every server's request-line limit: answered by the server itself
                values.put("1 MB string", "a".repeat(ONE_MB));
            } else {
                values.put("long string", "a".repeat(4000));
            }
            if ("uuid".equals(schema.path("format").asString(""))) {
                values.put("invalid UUID", INVALID_UUID);
            }
            if (schema.has("enum")) {
                values.put("unknown enum", UNKNOWN_ENUM);
            }
            if (type.equals("integer") || type.equals("number")) {
                values.put("not a number", "eleven");
                values.put("huge number", "99999999999999999999999999999999");
                values.put("negative number", "-99999999999999999999");
                values.put("minus one", "-1");
            }
            return values;
        }

        private Map<String, JsonNode> fieldMutations(BodyField field) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            JsonNode schema = field.schema();
            switch (type(schema)) {
                case "string" -> {
                    values.put("NUL", NODES.stringNode(NUL_TEXT));
                    values.put("1 MB string", NODES.stringNode("a".repeat(ONE_MB)));
                    values.put("SQL injection", NODES.stringNode(SQL_INJECTION));
                    values.put("script injection", NODES.stringNode(SCRIPT_INJECTION));
                    values.put("wrong type", NODES.objectNode().put("unexpected", true));
                    String format = schema.path("format").asString("");
                    if (format.equals("uuid")) {
                        values.put("invalid UUID", NODES.stringNode(INVALID_UUID));
                    } else if (format.equals("date-time") || format.equals("date")) {
                        values.put("invalid UUID", NODES.stringNode(INVALID_UUID)); // not a time either
                    }
                    if (schema.has("enum")) {
                        values.put("unknown enum", NODES.stringNode(UNKNOWN_ENUM));
                    }
                }
                case "integer", "number" -> {
                    values.put("wrong type", NODES.stringNode("eleven"));
                    values.put("huge number", NODES.numberNode(new java.math.BigDecimal("9".repeat(40))));
                    values.put("huge exponent", NODES.numberNode(new java.math.BigDecimal("1E+400")));
                    values.put("negative number", NODES.numberNode(new java.math.BigDecimal("-" + "9".repeat(40))));
                    values.put("minus one", NODES.numberNode(-1));
                }
                case "boolean" -> values.put("wrong type", NODES.stringNode("perhaps"));
                case "array" -> values.put("wrong type", NODES.stringNode("not a list"));
                case "object" -> values.put("wrong type", NODES.stringNode("not an object"));
                default -> {}
            }
            return values;
        }

        /** Every field of the sample body, depth-first, with the schema that describes it. */
        private List<BodyField> fields(JsonNode schema, JsonNode sample) {
            List<BodyField> found = new ArrayList<>();
            collectFields(schema, sample, new ArrayList<>(), "", found, 0);
            return found;
        }

        private void collectFields(
                JsonNode schema, JsonNode sample, List<Object> path, String display, List<BodyField> found, int depth) {
            schema = resolve(schema);
            if (depth > MAX_DEPTH) {
                return;
            }
            if (sample.isObject() && schema.has("properties")) {
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(name -> required.add(name.asString()));
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    if (!sample.has(property.getKey())) {
                        continue;
                    }
                    List<Object> childPath = new ArrayList<>(path);
                    childPath.add(property.getKey());
                    String childDisplay = display.isEmpty() ? property.getKey() : display + "." + property.getKey();
                    JsonNode childSchema = resolve(property.getValue());
                    found.add(
                            new BodyField(childPath, childDisplay, childSchema, required.contains(property.getKey())));
                    collectFields(
                            childSchema, sample.get(property.getKey()), childPath, childDisplay, found, depth + 1);
                }
            } else if (sample.isArray() && !sample.isEmpty() && schema.has("items")) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(0);
                collectFields(schema.path("items"), sample.get(0), childPath, display + "[0]", found, depth + 1);
            }
        }

        private void expectRefused(Outcome outcome) {
            if (outcome.status() < 400) {
                violation(outcome, "was accepted");
            }
        }

        private void expectFieldNamed(BodyField field, Outcome outcome, boolean mustRefuse) {
            if (mustRefuse && baselineAccepted) {
                expectRefused(outcome);
            }
            if (!baselineAccepted || (outcome.status() != 400 && outcome.status() != 422) || outcome.body() == null) {
                return;
            }
            String leaf = String.valueOf(field.path().getLast());
            List<String> named = new ArrayList<>();
            outcome.body()
                    .path("errors")
                    .forEach(error -> named.add(error.path("field").asString("")));
            boolean names = named.stream()
                    .anyMatch(fieldName -> fieldName.equals(leaf)
                            || fieldName.endsWith("." + leaf)
                            || fieldName
                                    .replaceAll("\\[\\d+]", "")
                                    .equals(field.display().replaceAll("\\[\\d+]", ""))
                            || fieldName.contains(leaf));
            if (!names) {
                violation(outcome, "does not name the field " + field.display() + " (errors: " + named + ")");
            }
        }

        private Outcome exchange(String label, Map<String, String> parameterValues, String body) {
            String path = pathTemplate;
            StringBuilder query = new StringBuilder();
            for (Parameter parameter : parameters) {
                String value = parameterValues.get(parameter.name());
                if (value == null) {
                    continue;
                }
                String encoded =
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                if (parameter.in().equals("path")) {
                    path = path.replace("{" + parameter.name() + "}", encoded);
                } else {
                    query.append(query.isEmpty() ? '?' : '&')
                            .append(parameter.name())
                            .append('=')
                            .append(encoded);
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + query));
            HttpRequest.BodyPublisher publisher =
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.expectContinue(body.length() > EXPECT_CONTINUE_ABOVE_CHARS);
            }
            request.header("Accept", "application/json, application/problem+json");
            request.method(method.toUpperCase(Locale.ROOT), publisher);
            requestAuthentication.accept(request);

            boolean countRows = body != null && !rowCounters.isEmpty();
            Map<String, Long> before = countRows ? counts() : Map.of();
            HttpResponse<String> response;
            try {
                response = http.send(
                        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                Outcome failed = new Outcome(label, -1, "", null, "");
                violation(failed, "the connection failed: " + e);
                return failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            report.requests++;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode parsed = null;
            try {
                parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // judged below by its content type
            }
            Outcome outcome = new Outcome(label, response.statusCode(), contentType, parsed, response.body());
            check(outcome);
            if (countRows && outcome.status() >= 400) {
                Map<String, Long> after = counts();
                if (!after.equals(before)) {
                    violation(outcome, "was refused but changed row counts " + before + " -> " + after);
                }
            }
            return outcome;
        }

        private void check(Outcome outcome) {
            if (outcome.status() >= 500) {
                violation(outcome, "answered a server error");
            }
            // the document must list every status the operation really answers, each reported once
            JsonNode documented = documentedResponses.getOrDefault(
                    String.valueOf(outcome.status()), documentedResponses.get("default"));
            if (outcome.status() >= 200
                    && outcome.status() < 500
                    && documented == null
                    && undocumentedStatusesSeen.add(outcome.status())) {
                violation(
                        outcome,
                        "answered a status its document does not list "
                                + new java.util.TreeSet<>(documentedResponses.keySet()));
            }
            if (outcome.status() >= 200
                    && outcome.status() < 300
                    && outcome.body() != null
                    && documented != null
                    && documented.path("content").isEmpty()
                    && undocumentedStatusesSeen.add(outcome.status())) {
                violation(outcome, "answered a body its document does not describe");
            }
            if (outcome.status() >= 400 && !outcome.contentType().startsWith("application/problem+json")) {
                violation(outcome, "is not a problem document (Content-Type '" + outcome.contentType() + "')");
            }
            if (outcome.status() >= 400
                    && outcome.body() != null
                    && outcome.body().path("status").asInt() != outcome.status()) {
                violation(outcome, "has a problem status that differs from the HTTP status");
            }
            java.util.regex.Matcher leak = JAVA_LEAK.matcher(outcome.text());
            if (outcome.status() >= 400 && leak.find()) {
                violation(outcome, "names Java internals ('" + leak.group() + "')");
            }
        }

        private Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            rowCounters.forEach((table, counter) -> counts.put(table, counter.getAsLong()));
            return counts;
        }

        private void violation(Outcome outcome, String what) {
            String text = outcome.text();
            String excerpt = text.length() > 300 ? text.substring(0, 300) + "..." : text;
            report.add(name + " [" + outcome.label() + "] -> " + outcome.status() + " " + what + ": " + excerpt);
        }

        private JsonNode resolve(JsonNode node) {
            int hops = 0;
            while (node != null && node.has("$ref") && hops++ < 20) {
                String ref = node.path("$ref").asString();
                node = document.at(ref.substring(1));
            }
            if (node != null && node.has("allOf") && node.path("allOf").size() == 1) {
                return resolve(node.path("allOf").get(0));
            }
            return node == null ? NODES.missingNode() : node;
        }

        private String type(JsonNode schema) {
            schema = resolve(schema);
            JsonNode type = schema.path("type");
            if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
                for (JsonNode option : type) {
                    if (!option.asString().equals("null")) {
                        return option.asString();
                    }
                }
            }
            if (type.isString()) {
                return type.asString();
            }
            if (schema.has("properties") || schema.has("additionalProperties")) {
                return "object";
            }
            if (schema.has("items")) {
                return "array";
            }
            if (schema.has("oneOf") || schema.has("anyOf")) {
                JsonNode first = schema.has("oneOf")
                        ? schema.path("oneOf").get(0)
                        : schema.path("anyOf").get(0);
                return type(first);
            }
            return "";
        }

        /** A well-formed value for the schema: its example when it has one, else one built from its constraints. */
        private JsonNode sample(JsonNode schema, int depth) {
            schema = resolve(schema);
            if (schema.has("example") && !schema.path("example").isNull()) {
                return schema.path("example");
            }
            if (schema.has("examples")
                    && schema.path("examples").isArray()
                    && !schema.path("examples").isEmpty()) {
                return schema.path("examples").get(0);
            }
            if (schema.has("default") && !schema.path("default").isNull()) {
                return schema.path("default");
            }
            if (schema.has("enum") && !schema.path("enum").isEmpty()) {
                return schema.path("enum").get(0);
            }
            if ((schema.has("oneOf") || schema.has("anyOf")) && !schema.has("properties")) {
                return sample(
                        schema.has("oneOf")
                                ? schema.path("oneOf").get(0)
                                : schema.path("anyOf").get(0),
                        depth);
            }
            return switch (type(schema)) {
                case "string" -> NODES.stringNode(sampleText(schema));
                case "integer" -> NODES.numberNode(sampleNumber(schema).longValue());
                case "number" -> NODES.numberNode(sampleNumber(schema));
                case "boolean" -> NODES.booleanNode(true);
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < MAX_DEPTH) {
                        int items = Math.max(1, schema.path("minItems").asInt(1));
                        for (int i = 0; i < items; i++) {
                            array.add(sample(schema.path("items"), depth + 1));
                        }
                    }
                    yield array;
                }
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    if (depth < MAX_DEPTH) {
                        schema.path("properties")
                                .properties()
                                .forEach(property ->
                                        object.set(property.getKey(), sample(property.getValue(), depth + 1)));
                        JsonNode additional = schema.path("additionalProperties");
                        if (object.isEmpty() && additional.isObject()) {
                            object.set("corpus_key", sample(additional, depth + 1));
                        }
                    }
                    yield object;
                }
                default -> NODES.stringNode("corpus");
            };
        }

        private String sampleText(JsonNode schema) {
            String text =
                    switch (schema.path("format").asString("")) {
                        case "uuid" -> UUID.randomUUID().toString();
                        case "date-time" -> java.time.Instant.now().toString();
                        case "date" ->
                            java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
                        case "email" -> "corpus@example.com";
                        case "uri", "url" -> "https://example.com/corpus";
                        default ->
                            firstAlternative(schema.path("pattern").asString(""))
                                    .orElse("corpus");
                    };
            int min = schema.path("minLength").asInt(0);
            int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
            if (text.length() < min) {
                text = text + "x".repeat(min - text.length());
            }
            return text.length() > max ? text.substring(0, max) : text;
        }

        // a pattern that lists the allowed words ("email|sms|push|all"): the first word is a valid value
        private static java.util.Optional<String> firstAlternative(String pattern) {
            var words = java.util.regex.Pattern.compile("\\^?\\(?([A-Za-z0-9_.-]+)(?:\\|[A-Za-z0-9_.-]+)+\\)?\\$?")
                    .matcher(pattern);
            return words.matches() ? java.util.Optional.of(words.group(1)) : java.util.Optional.empty();
        }

        private java.math.BigDecimal sampleNumber(JsonNode schema) {
            java.math.BigDecimal value = java.math.BigDecimal.ONE;
            if (schema.has("minimum") && schema.path("minimum").decimalValue().compareTo(value) > 0) {
                value = schema.path("minimum").decimalValue();
            }
            if (schema.has("maximum") && schema.path("maximum").decimalValue().compareTo(value) < 0) {
                value = schema.path("maximum").decimalValue();
            }
            return value;
        }
    }

    private static String matrixToken(AccessMatrix.Role role, java.util.UUID customerId) {
        return switch (role) {
            case ANONYMOUS -> TestTokens.visitor();
            case CUSTOMER -> TestTokens.customer(customerId);
            case SYSTEM_AGENT -> TestTokens.client("matrix-client");
            default -> TestTokens.staff("matrix-" + role.name().toLowerCase(Locale.ROOT), role.name());
        };
    }

    /** A refusal by the access rules: 401, or 403 from the rules rather than from the service's own judgement. */
    private static boolean refusedByRole(Outcome outcome) {
        return outcome.status() == 401
                || (outcome.status() == 403
                        && outcome.body() != null
                        && ServiceSecurityAutoConfiguration.ROLE_REFUSED_DETAIL.equals(
                                outcome.body().path("detail").asString("")));
    }

    private static String write(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    private static String tenMegabyteBody() {
        return "{\"corpus\":\"" + "a".repeat(TEN_MB) + "\"}";
    }

    private static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((Integer) last);
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = navigate(root, path.subList(0, path.size() - 1));
        Object last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    private static JsonNode navigate(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private record Outcome(String label, int status, String contentType, JsonNode body, String text) {}
}
