package com.agentfactory.messaging.json;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.text.StorableText;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with JSON that could not be read (a request body, a task's input), said in the API's terms: the field's JSON path and the kind of
 * value it needs ("must be a number"), never the Java type the parser wanted ({@code java.math.BigDecimal}).
 */
public final class JsonReadErrors {

    private JsonReadErrors() {}

    /** The field at fault, or empty when the body as a whole is not JSON. */
    public static List<FieldErrorDetail> fieldErrors(Throwable cause) {
        if (cause instanceof InputCoercionException outOfRange
                && !outOfRange.getPath().isEmpty()) {
            return List.of(new FieldErrorDetail(pathOf(outOfRange), range(outOfRange)));
        }
        if (!(cause instanceof MismatchedInputException mismatch)
                || mismatch.getPath().isEmpty()) {
            return List.of();
        }
        return List.of(new FieldErrorDetail(pathOf(mismatch), expectation(mismatch)));
    }

    public static String detail(Throwable cause) {
        if (cause instanceof InputCoercionException outOfRange
                && !outOfRange.getPath().isEmpty()) {
            return "The body has a number out of range: " + pathOf(outOfRange) + " " + range(outOfRange) + ".";
        }
        if (cause instanceof StreamReadException parse) {
            String message = parse.getOriginalMessage();
            return "The body is not valid JSON: " + (message == null ? "unreadable" : firstLine(message));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "The body has a field of the wrong kind: " + pathOf(mismatch) + " " + expectation(mismatch) + ".";
        }
        return "The body is not valid JSON of the expected shape.";
    }

    /** The JSON path of the value that could not be read, as {@code lines[0].quantity}; empty for the root. */
    public static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the value at fault must be, in the API's terms. */
    public static String expectation(JacksonException e) {
        if (!(e instanceof MismatchedInputException mismatch)) {
            return e.getOriginalMessage() == null ? "is not readable" : firstLine(e.getOriginalMessage());
        }
        if (StorableText.NUL_MESSAGE.equals(mismatch.getOriginalMessage())) {
            return StorableText.NUL_MESSAGE;
        }
        Class<?> type = mismatch.getTargetType();
        if (type == null) {
            return "has a value of the wrong kind";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant.toString().toLowerCase(java.util.Locale.ROOT))
                            .toList();
        }
        if (Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has a value of the wrong kind";
    }

    /** A number too large for the field it was sent for, said with the range the field takes. */
    private static String range(InputCoercionException e) {
        Class<?> type = e.getTargetType();
        if (type == Integer.class || type == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == Short.class || type == short.class) {
            return "must be a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "is a number out of range";
    }

    /**
     * The parser's first line without what names the parser itself: its source-location notes quote Java feature
     * names ({@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}) and Java types in backticks.
     */
    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline > 0 ? message.substring(0, newline) : message;
        int location = line.indexOf(" (start marker at");
        if (location < 0) {
            location = line.indexOf(" at [Source");
        }
        if (location > 0) {
            line = line.substring(0, location);
        }
        line = line.replaceAll("`[^`]*`", "the expected type");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
