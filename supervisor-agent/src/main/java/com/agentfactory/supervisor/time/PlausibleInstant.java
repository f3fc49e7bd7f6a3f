package com.agentfactory.supervisor.time;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant from the years 2000 to 2099. Java parses instants a billion years out, but PostgreSQL stores
 * none beyond the year 294276 and a {@code Duration} in milliseconds overflows long before that; a bound that
 * no real order, event or deadline comes near keeps such values out of every insert and every computation.
 */
@Documented
@Constraint(validatedBy = PlausibleInstant.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleInstant {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Instant END = Instant.parse("2100-01-01T00:00:00Z");
    String MESSAGE = "must be from 2000-01-01T00:00:00Z up to (not including) 2100-01-01T00:00:00Z";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleInstant, Instant> {

        /** Null is left to {@code @NotNull}. */
        public static boolean holds(Instant instant) {
            return instant == null || (!instant.isBefore(EARLIEST) && instant.isBefore(END));
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return holds(value);
        }
    }
}
