package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.delivery.SendOutbox;
import com.agentfactory.campaign.delivery.SendRequest;
import com.agentfactory.campaign.segment.SegmentMembership;
import com.agentfactory.messaging.commerce.CommerceEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Moves an enrolment through its journey's steps until it waits or ends. Runs inside the executor's
 * transaction: a send a step asks for is written to the sends table in the same transaction that moves the
 * enrolment past the step, so a crash either keeps both or neither.
 */
@Component
class JourneyEngine {

    /** More steps than this without a wait means a definition the validator should have refused. */
    private static final int MAX_STEPS_PER_RUN = 100;

    private static final String ORDER_PLACED = CommerceEventType.ORDER_PLACED.wireName();

    /** The context's key for {@link #ordersCountedFrom}. */
    static final String ORDERS_COUNTED_FROM = "orders_counted_from";

    private final CustomerFactsReader customers;
    private final SegmentMembership segments;
    private final SendOutbox outbox;
    private final SplitAssignments assignments;

    JourneyEngine(
            CustomerFactsReader customers,
            SegmentMembership segments,
            SendOutbox outbox,
            SplitAssignments assignments) {
        this.customers = customers;
        this.segments = segments;
        this.outbox = outbox;
        this.assignments = assignments;
    }

    /** Runs the enrolment's due steps; returns how many steps ran. */
    int advance(Enrolment enrolment, CompiledJourney journey, Instant now) {
        Facts facts = new Facts(enrolment, now);
        // the timer fired, so a wait for an event that did not come has timed out: go on at the timeout path. An
        // order whose wake found the enrolment not yet waiting (handled while this wait was being started) came all
        // the same: the read model has it
        if (ORDER_PLACED.equals(enrolment.waitingFor)) {
            Instant timedOutAt = enrolment.dueAt;
            if (enrolment.waitNext != null && orderedSince(enrolment, facts) instanceof Instant order) {
                enrolment.currentStep = enrolment.waitNext;
                countOrdersFrom(enrolment, order);
            } else {
                // timed out: an order placed since it ended is one for a later wait
                countOrdersFrom(enrolment, timedOutAt);
            }
        }
        enrolment.waitingFor = null;
        enrolment.waitNext = null;
        int ran = 0;
        while (Enrolment.ACTIVE.equals(enrolment.status) && !enrolment.dueAt.isAfter(now)) {
            if (ran == MAX_STEPS_PER_RUN) {
                end(enrolment, Enrolment.FAILED, "more than " + MAX_STEPS_PER_RUN + " steps without a wait");
                break;
            }
            JourneyStep step = journey.step(enrolment.currentStep);
            ran++;
            enrolment.stepsRun++;
            switch (step.type()) {
                case JourneyStep.WAIT -> startWait(enrolment, journey, step, facts, now);
                case JourneyStep.CONDITION -> branch(enrolment, step, condition(step, facts));
                case JourneyStep.SCORE -> branch(enrolment, step, facts.get().score() >= step.minScore());
                case JourneyStep.SEGMENT ->
                    branch(enrolment, step, segments.isMember(step.segmentId(), enrolment.customerId));
                case JourneyStep.SPLIT -> enrolment.currentStep = split(enrolment, journey, step, now);
                case JourneyStep.END ->
                    end(enrolment, Enrolment.COMPLETED, step.reason() == null ? "end" : step.reason());
                default -> {
                    send(enrolment, step, facts);
                    goTo(enrolment, journey, step);
                }
            }
        }
        return ran;
    }

    private void startWait(Enrolment enrolment, CompiledJourney journey, JourneyStep step, Facts facts, Instant now) {
        // an order placed since the trigger (or since the last wait for an order ended) is the awaited order even when
        // it came before the wait began: the cart's event may have been handled minutes after the order's, whose wake
        // then found nobody waiting
        if (ORDER_PLACED.equals(step.event())
                && step.onEvent() != null
                && orderedSince(enrolment, facts) instanceof Instant order) {
            enrolment.currentStep = step.onEvent();
            countOrdersFrom(enrolment, order);
            return;
        }
        goTo(enrolment, journey, step);
        if (step.event() != null) {
            enrolment.waitingFor = step.event();
            enrolment.waitNext = step.onEvent();
            enrolment.dueAt = now.plus(JourneyDurations.parse(step.timeout()).orElseThrow());
        } else if (step.until() != null) {
            enrolment.dueAt = step.until().isAfter(now) ? step.until() : now;
        } else {
            enrolment.dueAt = now.plus(JourneyDurations.parse(step.duration()).orElseThrow());
        }
    }

    private void send(Enrolment enrolment, JourneyStep step, Facts facts) {
        Map<String, Object> variables = new HashMap<>(enrolment.context);
        variables.putAll(step.personalizationOrEmpty());
        if (step.message() != null) {
            variables.put("message", step.message());
        }
        variables.put("journey_step", step.id());
        outbox.enqueue(new SendRequest(
                enrolment.id,
                step.id(),
                enrolment.journeyId,
                enrolment.customerId,
                step.type(),
                step.template(),
                step.url(),
                variables));
    }

    private boolean condition(JourneyStep step, Facts facts) {
        return conditionHolds(step, facts.get(), triggeredAt(facts.enrolment));
    }

    /**
     * When what enrolled the customer happened: the trigger event's time, kept in the context, or for an enrolment
     * without one (by hand, a segment, a date, or made before the time was kept) when they entered. Never later than
     * the entry, whatever the event's clock said.
     */
    static Instant triggeredAt(Enrolment enrolment) {
        if (enrolment.context.get(JourneyTriggers.TRIGGER_OCCURRED_AT) instanceof String written) {
            try {
                Instant occurred = Instant.parse(written);
                return occurred.isBefore(enrolment.enteredAt) ? occurred : enrolment.enteredAt;
            } catch (DateTimeParseException notATime) {
                // a context given by hand may hold anything under the key: the entry is the time then
            }
        }
        return enrolment.enteredAt;
    }

    /**
     * When the customer's last order was placed, if that was after {@link #ordersCountedFrom}: the order a wait for
     * an order takes as its own; null when there is none.
     */
    private static Instant orderedSince(Enrolment enrolment, Facts facts) {
        return facts.get().value("last_order_at") instanceof Instant lastOrder
                        && lastOrder.isAfter(ordersCountedFrom(enrolment))
                ? lastOrder
                : null;
    }

    /**
     * Since when an order ends the enrolment's next wait for one: the trigger's time until a wait for an order has
     * ended, then the time of the order that ended it, or of its timeout. Without it the order that ended one wait
     * would end every later one too. To the microsecond, rounded as the database rounds the order's time it keeps
     * (last_order_at): an order that triggered the journey is then at, not after, the trigger's time, and does not
     * count as a later one.
     */
    static Instant ordersCountedFrom(Enrolment enrolment) {
        if (enrolment.context.get(ORDERS_COUNTED_FROM) instanceof String written) {
            try {
                return toMicros(Instant.parse(written));
            } catch (DateTimeParseException notATime) {
                // a context given by hand may hold anything under the key: the trigger's time is used then
            }
        }
        return toMicros(triggeredAt(enrolment));
    }

    /** Orders placed up to {@code from} no longer end a wait of the enrolment's; the time only ever moves on. */
    static void countOrdersFrom(Enrolment enrolment, Instant from) {
        Instant rounded = toMicros(from);
        if (rounded.isAfter(ordersCountedFrom(enrolment))) {
            enrolment.context.put(ORDERS_COUNTED_FROM, rounded.toString());
        }
    }

    // PostgreSQL keeps microseconds, and the driver rounds an instant's nanoseconds to the nearest one
    static Instant toMicros(Instant instant) {
        long micros = (instant.getNano() + 500L) / 1_000L;
        return Instant.ofEpochSecond(instant.getEpochSecond()).plus(micros, ChronoUnit.MICROS);
    }

    /**
     * Whether a condition step holds for a customer's facts, what enrolled the customer having happened at
     * {@code triggeredAt}.
     */
    static boolean conditionHolds(JourneyStep step, CustomerFacts facts, Instant triggeredAt) {
        if (step.check() == null) {
            return JourneyFacts.holds(step.comparison(), facts);
        }
        return switch (step.check()) {
            // an order placed since the cart was left means the cart was bought, however late the cart's event was
            // handled
            case "cart_still_abandoned" ->
                !(facts.value("last_order_at") instanceof Instant lastOrder) || lastOrder.isBefore(triggeredAt);
            case "has_email" -> facts.value("email") instanceof String email && !email.isBlank();
            default -> false;
        };
    }

    /** Assigns the customer a branch of the split and records it; returns the step the branch leads to. */
    private String split(Enrolment enrolment, CompiledJourney journey, JourneyStep step, Instant now) {
        SplitAssignments.Assignment assignment = step.strata() == null
                ? new SplitAssignments.Assignment(hashedBranch(enrolment, step), null, null)
                : stratifiedBranch(enrolment, step);
        SplitBranch branch = step.branches().get(assignment.branch());
        assignments.record(
                enrolment.journeyId,
                step.id(),
                enrolment.id,
                enrolment.customerId,
                assignment,
                branch,
                journey.stepsOnlyReachedFrom(step, assignment.branch()),
                now);
        return branch.next();
    }

    /** The same customer always lands in the same branch of a split: the hash of customer, journey and step. */
    static int hashedBranch(Enrolment enrolment, JourneyStep step) {
        return hashedBranch(enrolment.customerId, enrolment.journeyId, step);
    }

    static int hashedBranch(UUID customerId, UUID journeyId, JourneyStep step) {
        int total = step.branches().stream().mapToInt(SplitBranch::weight).sum();
        UUID hash = UUID.nameUUIDFromBytes(
                (customerId + "/" + journeyId + "/" + step.id()).getBytes(StandardCharsets.UTF_8));
        long bucket = Math.floorMod(hash.getMostSignificantBits() ^ hash.getLeastSignificantBits(), (long) total);
        for (int i = 0; i < step.branches().size(); i++) {
            bucket -= step.branches().get(i).weight();
            if (bucket < 0) {
                return i;
            }
        }
        return step.branches().size() - 1;
    }

    /**
     * A split balanced within strata: the customer's stratum is the first of the step's segments they are in (or
     * none), and their branch comes from the stratum's permuted blocks, so each stratum is split in the weights'
     * proportion and a difference between the arms cannot come from one arm drawing more of a segment.
     */
    private SplitAssignments.Assignment stratifiedBranch(Enrolment enrolment, JourneyStep step) {
        String stratum = step.strata().stream()
                .filter(segment -> segments.isMember(segment, enrolment.customerId))
                .findFirst()
                .map(UUID::toString)
                .orElse(SplitAssignments.NO_STRATUM);
        return assignments.stratified(
                enrolment.journeyId,
                step.id(),
                enrolment.customerId,
                stratum,
                step.branches().stream().map(SplitBranch::weight).toList());
    }

    private static void branch(Enrolment enrolment, JourneyStep step, boolean holds) {
        enrolment.currentStep = holds ? step.ifTrue() : step.ifFalse();
    }

    private static void goTo(Enrolment enrolment, CompiledJourney journey, JourneyStep step) {
        enrolment.currentStep = journey.next(step)
                .orElseThrow(() -> new IllegalStateException("step " + step.id() + " of journey "
                        + journey.definition().name() + " has no next step"));
    }

    private static void end(Enrolment enrolment, String status, String reason) {
        enrolment.status = status;
        enrolment.endReason = reason;
        enrolment.dueAt = null;
    }

    /** The customer's facts with the enrolment's context, read once per run and only when a step asks. */
    private final class Facts {

        private final Enrolment enrolment;
        private final Instant now;
        private CustomerFacts facts;

        Facts(Enrolment enrolment, Instant now) {
            this.enrolment = enrolment;
            this.now = now;
        }

        CustomerFacts get() {
            if (facts == null) {
                facts = customers.of(enrolment.customerId, enrolment.context, now);
            }
            return facts;
        }
    }
}
