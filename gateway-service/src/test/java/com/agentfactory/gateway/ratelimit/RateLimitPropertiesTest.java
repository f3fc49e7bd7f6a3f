package com.agentfactory.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.DeployedConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The rate limits as the gateway binds them from its own application.yml. */
class RateLimitPropertiesTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withInitializer(DeployedConfiguration::applicationYml)
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Limits.class);

    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Limits {}

    @Test
    void givesTheAppsFilesABucketOfSeveralHundredAMinutePerAddressByDefault() {
        gateway.run(context -> {
            RateLimitProperties properties = context.getBean(RateLimitProperties.class);
            assertThat(properties.appFiles().refillPerSecond() * 60).isBetween(300.0, 1200.0);
            assertThat(properties.appFiles().capacity())
                    .isGreaterThan(properties.anonymous().capacity() * 10);
        });
    }

    @Test
    void takesTheAppFilesBucketFromTheEnvironment() {
        gateway.withPropertyValues("RATE_LIMIT_APP_FILES_CAPACITY=50", "RATE_LIMIT_APP_FILES_REFILL_PER_SECOND=2.5")
                .run(context -> assertThat(
                                context.getBean(RateLimitProperties.class).appFiles())
                        .isEqualTo(new RateLimitProperties.Bucket(50, 2.5)));
    }

    @Test
    void doesNotStartWithAnAppFilesBucketThatAdmitsNothing() {
        gateway.withPropertyValues("RATE_LIMIT_APP_FILES_CAPACITY=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("appFiles.capacity");
        });
        gateway.withPropertyValues("RATE_LIMIT_APP_FILES_REFILL_PER_SECOND=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("appFiles.refillPerSecond");
        });
    }
}
