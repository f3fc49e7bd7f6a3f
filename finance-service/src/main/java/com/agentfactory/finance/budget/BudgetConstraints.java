package com.agentfactory.finance.budget;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The limits of the budget requests, declared once: the REST reservation and the check-budget task share them,
 * so do the path, query and budget fields. Each is a composed constraint, so every composing constraint still
 * reports its own message and appears in the task's published JSON Schema.
 */
final class BudgetConstraints {

    static final String PERIOD = "[0-9]{4}-(0[1-9]|1[0-2])";
    static final String DEPARTMENT = "[a-z0-9][a-z0-9_-]{0,99}";
    static final String DEPARTMENT_MESSAGE = "must be lower-case letters, digits, '-' or '_'";
    static final String PERIOD_MESSAGE = "must be a fiscal period YYYY-MM";

    private BudgetConstraints() {}

    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @NotNull
    @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE)
    @interface Department {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Optional: the current UTC month when absent. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
    @interface FiscalPeriod {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @NotNull
    @DecimalMin("0.01")
    @DecimalMax("1000000.00")
    @Digits(integer = 7, fraction = 2)
    @interface Amount {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @NotNull
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
    @interface Currency {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @NotBlank
    @Size(max = 500)
    @interface Purpose {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * The channel the money is spent on (as the touchpoints of the spending agent name it, such as {@code ad}), for
     * return on spend per channel; optional, and written like a touchpoint's channel.
     */
    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @Pattern(regexp = "[a-z][a-z0-9_-]{0,48}", message = "must be lower-case letters, digits, '-' or '_'")
    @interface Channel {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The agent or person the money is reserved for; the audit trail names it as the actor. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER})
    @Retention(RUNTIME)
    @NotBlank
    @Size(max = 100)
    @interface RequestedBy {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
