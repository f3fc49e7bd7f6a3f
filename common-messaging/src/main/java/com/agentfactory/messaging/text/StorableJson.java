package com.agentfactory.messaging.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Free-form JSON (a task's input) holds no NUL in any name or text value, so it can be stored as jsonb. */
@Documented
@Constraint(validatedBy = StorableJson.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableJson {

    String message() default StorableText.NUL_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** One violation per offending value, each at its own path below the annotated field. */
    class Validator implements ConstraintValidator<StorableJson, JsonNode> {

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            List<String> paths = value == null ? List.of() : StorableText.nulPaths(value);
            if (paths.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (String path : paths) {
                context.buildConstraintViolationWithTemplate(StorableText.NUL_MESSAGE)
                        .addPropertyNode(path)
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
