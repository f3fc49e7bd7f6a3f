package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a task's {@code input_data} into its handler's input record and checks it, the way a REST endpoint
 * reads a request body: snake_case names, unknown fields ignored, Bean Validation constraints applied. Any
 * problem is an {@link InvalidInputException} naming the fields at fault.
 */
final class TaskInputReader {

    /** The services' web JSON settings, so one record reads the same from a request body and a task. */
    static final JsonMapper TASK_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Validator validator;

    TaskInputReader(Validator validator) {
        this.validator = validator;
    }

    <I> I read(JsonNode input, Class<I> type) {
        JsonNode tree = input == null || input.isNull() || input.isMissingNode()
                ? JsonNodeFactory.instance.objectNode()
                : input;
        if (!tree.isObject()) {
            throw InvalidInputException.of("input_data", "must be a JSON object");
        }
        I value;
        try {
            value = TASK_JSON.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    "input_data is not a valid " + type.getSimpleName(),
                    List.of(new FieldErrorDetail(path(e), conciseMessage(e))));
        }
        check(value);
        return value;
    }

    /** @throws InvalidInputException listing every violated constraint of {@code value} */
    <I> void check(I value) {
        List<FieldErrorDetail> errors = validator.validate(value).stream()
                .map(TaskInputReader::toError)
                .sorted(Comparator.comparing(FieldErrorDetail::field).thenComparing(FieldErrorDetail::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("input_data has invalid fields", errors);
        }
    }

    JsonNode write(Object output) {
        return TASK_JSON.valueToTree(output);
    }

    private static FieldErrorDetail toError(ConstraintViolation<?> violation) {
        return FieldErrorDetail.ofJavaPath(violation.getPropertyPath().toString(), violation.getMessage());
    }

    /** The JSON path of the value Jackson could not read, as {@code lines[0].quantity}. */
    private static String path(JacksonException e) {
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
        return path.isEmpty() ? "input_data" : path.toString();
    }

    /** Jackson's first line, without the Java type names that mean nothing to a caller. */
    private static String conciseMessage(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "is not readable" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        String firstLine = newline > 0 ? message.substring(0, newline) : message;
        String withoutTypes = firstLine.replaceAll("`[a-zA-Z0-9_.$]+`", "the expected type");
        return withoutTypes.length() > 200 ? withoutTypes.substring(0, 200) : withoutTypes;
    }
}
