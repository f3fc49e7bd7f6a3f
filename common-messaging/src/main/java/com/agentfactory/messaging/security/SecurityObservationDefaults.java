package com.agentfactory.messaging.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Spring Security's own observations off in every service, as the last default a service's configuration
 * can still override. Security observes each filter of its chain, the authentication and the authorization as
 * observations of their own (spans too); with tokens verified in every service on every request they were the
 * largest framework share of a request (JFR profile, docs/benchmarks.md). The request's own metrics and trace
 * remain.
 */
public final class SecurityObservationDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY = "management.observations.enable.spring.security";
    private static final String SOURCE = "agentfactorySecurityObservationDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, "false")));
    }
}
