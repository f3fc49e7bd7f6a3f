package com.agentfactory.supervisor.task;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of task intake: how many tasks one transaction takes at most, how many writer threads
 * commit in parallel, and how many tasks may wait before intake answers 503.
 */
@Validated
@ConfigurationProperties("agentfactory.tasks")
record TaskIntakeProperties(
        @DefaultValue("500") @Min(1) int writeBatchSize,
        @DefaultValue("2") @Min(1) int writerThreads,
        @DefaultValue("20000") @Min(1) int writeQueueCapacity) {}
