package com.agentfactory.campaign.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** At most {@code max} sends on a channel in any window of {@code period}. */
record FrequencyCap(int max, Duration period) {

    /**
     * When one more send fits under the cap, or empty when it fits now.
     *
     * @param sentInWindow when the customer was sent on the channel within the last period, oldest first
     */
    Optional<Instant> nextAllowed(List<Instant> sentInWindow, Instant now) {
        Instant windowStart = now.minus(period);
        List<Instant> inWindow = sentInWindow.stream()
                .filter(at -> at.isAfter(windowStart))
                .sorted()
                .toList();
        if (inWindow.size() < max) {
            return Optional.empty();
        }
        // once this send leaves the window, max - 1 remain in it and one more fits
        return Optional.of(inWindow.get(inWindow.size() - max).plus(period));
    }
}
