package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboundSmsRetentionTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsAsLongARetentionAsAWeek() {
        assertThat(validator.validate(new InboundSmsRetention(Duration.ofDays(7), Duration.ofHours(1), 1000)))
                .isEmpty();
    }

    @Test
    void refusesARetentionShorterThanAProviderMightDeliverAMessageAgain() {
        assertThat(validator.validate(new InboundSmsRetention(Duration.ofDays(2), Duration.ofHours(1), 1000)))
                .extracting(ConstraintViolation::getMessage)
                .singleElement()
                .asString()
                .startsWith("retention must be at least 7 days");
    }

    @Test
    void refusesAPurgeIntervalThatIsNotPositiveAndABatchOfNone() {
        assertThat(validator.validate(new InboundSmsRetention(Duration.ofDays(90), Duration.ZERO, 0)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("purgeIntervalPositive", "batchSize");
    }
}
