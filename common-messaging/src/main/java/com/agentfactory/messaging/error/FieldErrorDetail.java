package com.agentfactory.messaging.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** One rejected field of a request or task input, as listed in a ProblemDetail's {@code errors}. */
public record FieldErrorDetail(
        @JsonProperty("field") String field,
        @JsonProperty("message") String message) {

    /** A field named by its Java property path ({@code lines[0].unitPrice}), reported in the APIs' snake_case. */
    public static FieldErrorDetail ofJavaPath(String path, String message) {
        return new FieldErrorDetail(snakeCase(path), message);
    }

    /** Java names are camelCase; the APIs speak snake_case, so field paths are reported that way. */
    public static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
