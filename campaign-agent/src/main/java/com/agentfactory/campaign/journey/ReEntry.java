package com.agentfactory.campaign.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a customer who has been through a journey may enter it again when its trigger fires: {@code never},
 * {@code after_completion} (once their last enrolment has ended) or after a minimum gap since they last entered
 * ({@code P30D}, or {@code 30 days} as waits are written). Nobody is ever in one journey twice at once: the enrolment
 * table's unique index refuses a second active enrolment whatever the policy. The policy is the trigger's: an
 * enrolment by hand (the API or the enrol-customer task) names its customer and does not ask it.
 *
 * @param gap the least time between two entries; zero for {@code after_completion}, null for {@code never}
 */
record ReEntry(Duration gap) {

    static final String NEVER_TEXT = "never";
    static final String AFTER_COMPLETION_TEXT = "after_completion";

    static final ReEntry NEVER = new ReEntry(null);
    static final ReEntry AFTER_COMPLETION = new ReEntry(Duration.ZERO);

    /** The policy the text names; empty when it names none, or a gap that is not positive. */
    static Optional<ReEntry> parse(String text) {
        if (NEVER_TEXT.equals(text)) {
            return Optional.of(NEVER);
        }
        if (AFTER_COMPLETION_TEXT.equals(text)) {
            return Optional.of(AFTER_COMPLETION);
        }
        return JourneyDurations.parse(text).filter(gap -> gap.isPositive()).map(ReEntry::new);
    }

    /**
     * The policy of a trigger that names none, which is every journey stored before triggers could. A customer.upserted
     * event comes whenever the customer edits their profile, so a journey on it (a welcome) must run once; a
     * segment-entry journey has always enrolled each customer once, since leaving a segment is not tracked, so
     * "after completion" would mean "on any change while still a member"; a date trigger fires once anyway. Other
     * events are each a new occasion (another abandoned cart, another order): they enrol again once the last
     * enrolment has ended, as every journey did before.
     */
    static ReEntry defaultFor(JourneyTrigger trigger) {
        if (JourneyTrigger.EVENT.equals(trigger.type()) && !"customer.upserted".equals(trigger.event())) {
            return AFTER_COMPLETION;
        }
        return NEVER;
    }

    /**
     * @param lastEntered when the customer last entered the journey; empty when they never have
     */
    boolean allows(Optional<Instant> lastEntered, Instant now) {
        if (lastEntered.isEmpty()) {
            return true;
        }
        return gap != null && !lastEntered.get().plus(gap).isAfter(now);
    }
}
