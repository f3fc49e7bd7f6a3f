package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the lists in Redis ({@link RecommendationCache}) bear Redis failing.
 *
 * @param pauseAfterFailures how long Redis is left alone once it keeps failing: lists are computed and clearings
 *     recorded for later meanwhile, so neither requests nor the events' intake wait a timeout per call
 * @param clearRetryInterval how often the clearings Redis failed are tried again; this instance serves no list of
 *     their hashes until then
 * @param clearRetryBatchSize most clearings one retry tries
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.list-cache")
record ListCacheProperties(
        @NotNull @DefaultValue("PT5S") Duration pauseAfterFailures,
        @NotNull @DefaultValue("PT1S") Duration clearRetryInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int clearRetryBatchSize) {

    @AssertTrue(message = "pause-after-failures and clear-retry-interval must be positive")
    boolean isEachIntervalPositive() {
        return (pauseAfterFailures == null || pauseAfterFailures.isPositive())
                && (clearRetryInterval == null || clearRetryInterval.isPositive());
    }
}
