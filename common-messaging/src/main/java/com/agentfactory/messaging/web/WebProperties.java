package com.agentfactory.messaging.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Limits every servlet service applies to requests before they reach a controller. */
@Validated
@ConfigurationProperties("agentfactory.web")
public record WebProperties(
        @DefaultValue("2097152") @Positive long maxRequestBytes) {}
