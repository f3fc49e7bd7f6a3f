package com.agentfactory.messaging.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An example for every JSON request body of a service's OpenAPI document that has none, built from the body's schema
 * and its constraints (formats, enums, patterns, lengths, ranges, required fields), so the document shows a request
 * the service accepts as well-formed. A field whose pattern none of the usual values match should carry its own
 * {@code @Schema(example = ...)}; the services' contract tests send every example and fail on a 400.
 *
 * <p>Written here rather than taken from a library: swagger-core builds no examples on the server side, and Swagger
 * UI's own generator runs in the browser, so the document itself would carry none.
 */
final class RequestExamples {

    static final String EXAMPLE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final int MAX_DEPTH = 6;
    private static final String REF_PREFIX = "#/components/schemas/";
    // values that satisfy the patterns the platform's fields use (currencies, codes, slugs, names)
    private static final List<String> PATTERN_CANDIDATES =
            List.of("GBP", "email", "example", "example-1", "example_1", "A1", "1", "a", "GB", "Example", "EXAMPLE_1");

    // a pattern that lists the allowed words, "opened|clicked|converted": the first word
    private static final Pattern ALTERNATION =
            Pattern.compile("\\^?\\(?([A-Za-z0-9_.-]+)(?:\\|[A-Za-z0-9_.-]+)+\\)?\\$?");

    private final Components components;

    private RequestExamples(Components components) {
        this.components = components == null ? new Components() : components;
    }

    /** Sets an example on each JSON request body that has none, in place. */
    static void addTo(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        RequestExamples examples = new RequestExamples(openApi.getComponents());
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json") && hasNoExample(media) && media.getSchema() != null) {
                    media.setExample(examples.of(media.getSchema(), 0));
                }
            });
        }));
    }

    private static boolean hasNoExample(MediaType media) {
        return media.getExample() == null
                && (media.getExamples() == null || media.getExamples().isEmpty());
    }

    @SuppressWarnings("rawtypes")
    Object of(Schema schema, int depth) {
        schema = resolve(schema);
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().getFirst();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().getFirst();
        }
        if (schema.getProperties() == null) {
            List<Schema> alternatives = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
            if (alternatives != null && !alternatives.isEmpty()) {
                return of(alternatives.getFirst(), depth);
            }
            if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
                return of((Schema) schema.getAllOf().getFirst(), depth);
            }
        }
        return switch (type(schema)) {
            case "string" -> text(schema);
            case "integer" -> number(schema).longValue();
            case "number" -> number(schema);
            case "boolean" -> true;
            case "array" -> {
                List<Object> items = new ArrayList<>();
                if (depth < MAX_DEPTH && schema.getItems() != null) {
                    int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
                    for (int i = 0; i < count; i++) {
                        items.add(of(schema.getItems(), depth + 1));
                    }
                }
                yield items;
            }
            default -> object(schema, depth);
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Object> object(Schema schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        properties.forEach((name, property) -> object.put(name, of(property, depth + 1)));
        if (object.isEmpty() && schema.getAdditionalProperties() instanceof Schema values) {
            object.put("key", of(values, depth + 1));
        }
        return object;
    }

    @SuppressWarnings("rawtypes")
    private Schema resolve(Schema schema) {
        int hops = 0;
        while (schema.get$ref() != null && hops++ < 10) {
            String ref = schema.get$ref();
            Schema target = components.getSchemas() == null
                    ? null
                    : components
                            .getSchemas()
                            .get(ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref);
            if (target == null) {
                return schema;
            }
            schema = target;
        }
        return schema;
    }

    @SuppressWarnings("rawtypes")
    private static String type(Schema schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("object");
        }
        return schema.getItems() != null ? "array" : "object";
    }

    @SuppressWarnings("rawtypes")
    private static String text(Schema schema) {
        String text =
                switch (schema.getFormat() == null ? "" : schema.getFormat()) {
                    case "uuid" -> EXAMPLE_ID;
                    case "date-time" -> "2026-01-15T09:30:00Z";
                    case "date" -> "2026-01-15";
                    case "email" -> "customer@example.com";
                    case "uri", "url" -> "https://shop.example/";
                    default -> matching(schema.getPattern());
                };
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        if (text.length() < min) {
            text = text + "x".repeat(min - text.length());
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String matching(String pattern) {
        if (pattern == null) {
            return "example";
        }
        Matcher literals = ALTERNATION.matcher(pattern);
        if (literals.matches()) {
            return literals.group(1);
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            return PATTERN_CANDIDATES.stream()
                    .filter(candidate -> compiled.matcher(candidate).matches())
                    .findFirst()
                    .orElse("example");
        } catch (PatternSyntaxException e) {
            return "example";
        }
    }

    private static BigDecimal midpoint(BigDecimal low, BigDecimal high) {
        return low.add(high).divide(BigDecimal.TWO);
    }

    @SuppressWarnings("rawtypes")
    private static BigDecimal number(Schema schema) {
        BigDecimal value = BigDecimal.ONE;
        if (schema.getMinimum() != null && schema.getMinimum().compareTo(value) > 0) {
            value = schema.getMinimum();
            if (Boolean.TRUE.equals(schema.getExclusiveMinimum())) {
                value = value.add(BigDecimal.ONE);
            }
        }
        if (schema.getExclusiveMinimumValue() != null
                && schema.getExclusiveMinimumValue().compareTo(value) >= 0) {
            value = schema.getExclusiveMinimumValue().add(BigDecimal.ONE);
        }
        BigDecimal floor = schema.getMinimum() != null
                ? schema.getMinimum()
                : schema.getExclusiveMinimumValue() != null ? schema.getExclusiveMinimumValue() : BigDecimal.ZERO;
        if (schema.getMaximum() != null && schema.getMaximum().compareTo(value) <= 0) {
            boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMaximum());
            value = exclusive ? midpoint(floor, schema.getMaximum()) : schema.getMaximum();
        }
        if (schema.getExclusiveMaximumValue() != null
                && schema.getExclusiveMaximumValue().compareTo(value) <= 0) {
            value = midpoint(floor, schema.getExclusiveMaximumValue());
        }
        return value;
    }
}
