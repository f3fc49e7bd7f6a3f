package com.agentfactory.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class SecurityObservationDefaultsTest {

    @Test
    void turnsSecurityObservationsOffInEveryServiceThatLoadsTheLibrary() {
        // Boot's own post-processors need its start-up arguments; only this library's is wanted here
        var registered = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                        org.springframework.boot.EnvironmentPostProcessor.class,
                        null,
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {}));
        StandardEnvironment environment = new StandardEnvironment();

        registered.forEach(processor -> processor.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(registered).hasAtLeastOneElementOfType(SecurityObservationDefaults.class);
        assertThat(environment.getProperty(SecurityObservationDefaults.PROPERTY, Boolean.class))
                .isFalse();
    }

    @Test
    void leavesTheLastWordToTheServicesConfiguration() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("application", Map.of(SecurityObservationDefaults.PROPERTY, "true")));

        new SecurityObservationDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(SecurityObservationDefaults.PROPERTY, Boolean.class))
                .isTrue();
    }
}
