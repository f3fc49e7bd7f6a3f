package com.agentfactory.campaign.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The delivery counters: campaign.sends (accepted by the channel), campaign.send.failures (given up),
 * campaign.send.bounces (refused for good by the recipient's server), campaign.send.skips (refused or deferred, by
 * reason), campaign.opens and campaign.clicks (every tracked one), campaign.recommendations.fallbacks (messages
 * sent without their product list because the recommendation agent could not give it), each tagged with the
 * channel.
 */
@Component
class DeliveryMetrics {

    static final String SENDS = "campaign.sends";
    static final String FAILURES = "campaign.send.failures";
    static final String BOUNCES = "campaign.send.bounces";
    static final String SKIPS = "campaign.send.skips";
    static final String OPENS = "campaign.opens";
    static final String CLICKS = "campaign.clicks";
    static final String RECOMMENDATION_FALLBACKS = "campaign.recommendations.fallbacks";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(String channel) {
        counter(SENDS, "Sends accepted by their channel", channel).increment();
    }

    void failed(String channel) {
        counter(FAILURES, "Sends given up after their last attempt", channel).increment();
    }

    void bounced(String channel) {
        counter(BOUNCES, "Sends whose recipient the server refused for good", channel)
                .increment();
    }

    void skipped(String channel, String reason) {
        Counter.builder(SKIPS)
                .description("Sends refused or deferred when due, by reason")
                .tag("channel", channel)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void opened(String channel) {
        counter(OPENS, "Tracked opens (the pixel, or a click)", channel).increment();
    }

    void clicked(String channel) {
        counter(CLICKS, "Tracked clicks through the redirect", channel).increment();
    }

    void recommendationsFellBack(String channel) {
        counter(RECOMMENDATION_FALLBACKS, "Messages rendered without their product list, the fallback instead", channel)
                .increment();
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name)
                .description(description)
                .tag("channel", channel)
                .register(registry);
    }
}
