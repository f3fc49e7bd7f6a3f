package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskIntakePropertiesTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsAHeldWritePatienceFromAMillisecondToTenMinutes() {
        assertThat(validator.validate(withHeldWritePatience(Duration.ofMillis(1))))
                .isEmpty();
        assertThat(validator.validate(withHeldWritePatience(Duration.ofSeconds(20))))
                .isEmpty();
        assertThat(validator.validate(withHeldWritePatience(Duration.ofMinutes(10))))
                .isEmpty();
    }

    @Test
    void refusesAMissingZeroNegativeOrOverTenMinuteHeldWritePatience() {
        for (Duration patience : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMinutes(11)}) {
            assertThat(validator.validate(withHeldWritePatience(patience)))
                    .as(String.valueOf(patience))
                    .extracting(ConstraintViolation::getPropertyPath)
                    .map(Object::toString)
                    .containsAnyOf("heldWritePatience", "heldWritePatienceBounded");
        }
    }

    @Test
    void acceptsAnErasureRetryAfterFromASecondToTenMinutes() {
        for (Duration retryAfter :
                new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(10)}) {
            assertThat(validator.validate(withErasureRetryAfter(retryAfter)))
                    .as(String.valueOf(retryAfter))
                    .isEmpty();
        }
    }

    @Test
    void refusesAMissingSubSecondOrOverTenMinuteErasureRetryAfter() {
        for (Duration retryAfter : new Duration[] {
            null, Duration.ZERO, Duration.ofMillis(999), Duration.ofMinutes(10).plusSeconds(1)
        }) {
            assertThat(validator.validate(withErasureRetryAfter(retryAfter)))
                    .as(String.valueOf(retryAfter))
                    .extracting(ConstraintViolation::getPropertyPath)
                    .map(Object::toString)
                    .containsAnyOf("erasureRetryAfter", "erasureRetryAfterBounded");
        }
    }

    private static TaskIntakeProperties withHeldWritePatience(Duration patience) {
        return new TaskIntakeProperties(500, 2, 20_000, patience, Duration.ofSeconds(5));
    }

    private static TaskIntakeProperties withErasureRetryAfter(Duration retryAfter) {
        return new TaskIntakeProperties(500, 2, 20_000, Duration.ofSeconds(3), retryAfter);
    }
}
