package com.agentfactory.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxDeadLetterPropertiesTest {

    private static final String PREFIX = "agentfactory.messaging.outbox.dead-letters";

    @Test
    void keepsDeadLettersThirtyDaysByDefault() {
        OutboxDeadLetterProperties properties = bind(Map.of());

        assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.purgeBatchSize()).isEqualTo(500);
    }

    @Test
    void takesAConfiguredRetention() {
        assertThat(bind(Map.of(PREFIX + ".retention", "7d")).retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void refusesARetentionThatKeepsPersonalDataLongerThanNinetyDays() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".retention", "365d")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(PREFIX + ".retention must be between PT24H and PT2160H, was PT8760H");
    }

    @Test
    void refusesARetentionTooShortToSendADeadLetterAgain() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".retention", "1h")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(PREFIX + ".retention must be between PT24H and PT2160H, was PT1H");
    }

    @Test
    void refusesAPurgeBatchOfNoRows() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".purge-batch-size", "0")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(PREFIX + ".purge-batch-size must be between 1 and 10000, was 0");
    }

    @Test
    void refusesAPurgeIntervalUnderAMinute() {
        assertThatThrownBy(() -> bind(Map.of(PREFIX + ".purge-interval", "1s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(PREFIX + ".purge-interval must be between PT1M and PT24H, was PT1S");
    }

    private static OutboxDeadLetterProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate(PREFIX, OutboxDeadLetterProperties.class);
    }
}
