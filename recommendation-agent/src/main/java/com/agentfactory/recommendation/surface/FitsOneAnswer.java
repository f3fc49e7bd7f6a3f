package com.agentfactory.recommendation.surface;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;

/**
 * A campaign batch whose lists fit one answer: its users times its limit at most {@link
 * ListLimits#MAX_BATCH_PRODUCTS}, reported on {@code user_ids}. Refused with the input, before any list is computed,
 * where a batch too large was computed in full and then failed as an answer too large to send.
 */
@Documented
@Constraint(validatedBy = FitsOneAnswer.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface FitsOneAnswer {

    String message() default "too many products in all for one answer";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Public, as every member of an annotation is: the validation provider creates it. */
    final class Validator implements ConstraintValidator<FitsOneAnswer, BatchRecommendationsRequest> {

        @Override
        public boolean isValid(BatchRecommendationsRequest request, ConstraintValidatorContext context) {
            // more users than any batch takes is the size constraint's to report, once
            if (request == null
                    || request.userIds() == null
                    || request.userIds().size() > ListLimits.MAX_BATCH_USERS
                    || request.limit() == null) {
                return true;
            }
            // a user named twice gets one list
            int users = new HashSet<>(request.userIds()).size();
            int limit = request.limit();
            if ((long) users * limit <= ListLimits.MAX_BATCH_PRODUCTS) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // numbers only in the template: it is interpolated
            context.buildConstraintViolationWithTemplate("names " + users + " users at limit " + limit
                            + ": at most " + ListLimits.MAX_BATCH_PRODUCTS / limit + " at that limit, as one answer"
                            + " carries at most " + ListLimits.MAX_BATCH_PRODUCTS
                            + " products in all (users times limit); split the users over several batches")
                    .addPropertyNode("userIds")
                    .addConstraintViolation();
            return false;
        }
    }
}
