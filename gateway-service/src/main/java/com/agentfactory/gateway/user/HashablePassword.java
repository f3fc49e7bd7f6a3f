package com.agentfactory.gateway.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password the password hash can take. BCrypt reads at most 72 bytes and Spring Security refuses longer input
 * rather than ignoring the rest, so the limit is on the UTF-8 bytes, not the characters: an accented letter takes
 * two bytes, an emoji four. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = HashablePassword.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface HashablePassword {

    int MAX_BYTES = 72;

    String message() default
            "must be at most " + MAX_BYTES + " bytes in UTF-8: " + MAX_BYTES + " plain letters, fewer with accents"
                    + " or emoji";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Public, as every member of an annotation is: the validation provider creates it. */
    final class Validator implements ConstraintValidator<HashablePassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
