package com.agentfactory.supervisor.privacy;

import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who must answer a privacy request, and how long they have.
 *
 * @param participants every service that holds personal data, by application name; each must report before a
 *     request is complete
 * @param pulledBy participants that fetch their requests over HTTP instead of Kafka, with the service client id
 *     that alone may report for each
 * @param answerWithin after this long a request still waiting for a report is shown as overdue
 */
@Validated
@ConfigurationProperties("agentfactory.privacy")
record PrivacyProperties(
        @NotEmpty List<String> participants,
        @DefaultValue Map<String, String> pulledBy,
        @DefaultValue("PT1H") Duration answerWithin) {}
