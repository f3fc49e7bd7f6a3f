package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.json.JsonReadErrors;
import com.agentfactory.messaging.text.StorableText;
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
            .addModule(StorableText.module())
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
            String path = JsonReadErrors.pathOf(e);
            throw new InvalidInputException(
                    "input_data has a field of the wrong kind",
                    List.of(new FieldErrorDetail(path.isEmpty() ? "input_data" : path, JsonReadErrors.expectation(e))));
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
}
