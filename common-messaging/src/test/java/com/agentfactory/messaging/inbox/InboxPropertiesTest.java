package com.agentfactory.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InboxPropertiesTest {

    @Test
    void keepsClaimsLongerThanKafkaCanKeepTheirMessagesByDefault() {
        InboxProperties properties = bind(Map.of());

        // Kafka's defaults: 7 days of retention, and a segment (up to 7 days) is deleted only as a whole
        assertThat(properties.retention()).isGreaterThan(Duration.ofDays(14));
    }

    @Test
    void takesAConfiguredRetention() {
        assertThat(bind(Map.of("agentfactory.messaging.inbox.retention", "45d")).retention())
                .isEqualTo(Duration.ofDays(45));
    }

    @Test
    void refusesARetentionShorterThanTheTopicsOwn() {
        assertThatThrownBy(() -> bind(Map.of("agentfactory.messaging.inbox.retention", "1d")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("agentfactory.messaging.inbox.retention must be at least 7 days, was PT24H");
    }

    @Test
    void purgesEveryTenMinutesInBatchesOfFiveThousandByDefault() {
        InboxProperties properties = bind(Map.of());

        assertThat(properties.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.purgeBatchSize()).isEqualTo(5000);
    }

    @Test
    void refusesAPurgeBatchThatDeletesNothingOrHoldsTooManyRowsInOneTransaction() {
        assertThatThrownBy(() -> bind(Map.of("agentfactory.messaging.inbox.purge-batch-size", "0")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(
                        "agentfactory.messaging.inbox.purge-batch-size must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> bind(Map.of("agentfactory.messaging.inbox.purge-batch-size", "10001")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void refusesAPurgeIntervalOutsideAMinuteToADay() {
        assertThatThrownBy(() -> bind(Map.of("agentfactory.messaging.inbox.purge-interval", "10s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage(
                        "agentfactory.messaging.inbox.purge-interval must be between PT1M and PT24H, was PT10S");
        assertThatThrownBy(() -> bind(Map.of("agentfactory.messaging.inbox.purge-interval", "2d")))
                .isInstanceOf(BindException.class);
    }

    private static InboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("agentfactory.messaging.inbox", InboxProperties.class);
    }
}
