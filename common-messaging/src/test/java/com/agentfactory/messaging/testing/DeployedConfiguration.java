package com.agentfactory.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A service's own application.yml for an {@code ApplicationContextRunner}, its placeholders resolved only from what
 * the test sets (as environment variable names, e.g. {@code CAMPAIGN_WEBHOOK_SECRET=...}): never from the shell the
 * test runs in, where a developer may have exported the very setting a test proves the service cannot start without.
 */
public final class DeployedConfiguration {

    private DeployedConfiguration() {}

    /** Use as {@code runner.withInitializer(DeployedConfiguration::applicationYml)}. */
    public static void applicationYml(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        try {
            new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("application.yml missing from the classpath", e);
        }
    }
}
