package com.agentfactory.messaging.time;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A date or instant within the {@link YearRange} {@code from} to {@code to}, for the Bean Validation of requests:
 * {@code @WithinYears(from = YearRange.OPERATIONS_FIRST_YEAR, to = YearRange.OPERATIONS_LAST_YEAR)}. Null is
 * valid, left to {@code @NotNull}. The message is the range's {@link YearRange#requirement()}.
 */
@Documented
@Constraint(
        validatedBy = {WithinYears.ForInstant.class, WithinYears.ForLocalDate.class, WithinYears.ForOffsetDateTime.class
        })
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinYears {

    int from();

    int to();

    String message() default "must be between {from}-01-01 and {to}-12-31 (UTC)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ForInstant extends Check<Instant> {
        @Override
        boolean holds(YearRange range, Instant value) {
            return range.contains(value);
        }
    }

    class ForLocalDate extends Check<LocalDate> {
        @Override
        boolean holds(YearRange range, LocalDate value) {
            return range.contains(value);
        }
    }

    class ForOffsetDateTime extends Check<OffsetDateTime> {
        @Override
        boolean holds(YearRange range, OffsetDateTime value) {
            return range.contains(value);
        }
    }

    abstract class Check<T> implements ConstraintValidator<WithinYears, T> {

        private YearRange range;

        // a range that is none (to before from, a five-digit year) fails here, when the validator is first built
        @Override
        public void initialize(WithinYears annotation) {
            range = new YearRange(annotation.from(), annotation.to());
        }

        @Override
        public boolean isValid(T value, ConstraintValidatorContext context) {
            return value == null || holds(range, value);
        }

        abstract boolean holds(YearRange range, T value);
    }
}
