package com.agentfactory.recommendation.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InteractionPropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void learnsFromTenHalfLivesBackByDefault() {
        InteractionProperties properties = bind(Map.of("half-life", "P30D"));

        assertThat(properties.horizonHalfLives()).isEqualTo(10);
        assertThat(properties.horizon(Instant.parse("2026-12-07T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T00:00:00Z").minus(Duration.ofDays(300)));
        assertThat(VALIDATOR.validate(properties)).isEmpty();
    }

    @Test
    void refusesAHorizonThatWouldDropSignalsStillWorthSomething() {
        assertThat(violatedFields(bind(Map.of("half-life", "P30D", "horizon-half-lives", "4"))))
                .containsExactly("horizonHalfLives");
        assertThat(violatedFields(bind(Map.of("half-life", "P30D", "horizon-half-lives", "51"))))
                .containsExactly("horizonHalfLives");
    }

    @Test
    void refusesAPurgeThatNeverRunsOrDeletesNothing() {
        assertThat(violatedFields(bind(Map.of("half-life", "P30D", "purge-interval", "0s"))))
                .containsExactly("purgeIntervalPositive");
        assertThat(violatedFields(bind(Map.of("half-life", "P30D", "purge-batch-size", "0"))))
                .containsExactly("purgeBatchSize");
    }

    private static List<String> violatedFields(InteractionProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .toList();
    }

    private static InteractionProperties bind(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("view-weight", "1", "cart-weight", "3", "purchase-weight", "5"));
        all.putAll(values);
        Map<String, String> prefixed = new HashMap<>();
        all.forEach((key, value) -> prefixed.put("agentfactory.recommendation.interactions." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("agentfactory.recommendation.interactions", InteractionProperties.class);
    }
}
