package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.campaign.CampaignSending;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.segment.SegmentMembership;
import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CheckoutStarted;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.PageViewed;
import com.agentfactory.messaging.commerce.ProductViewed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts journeys and ends waits. A commerce event enrols its customer into every active journey it triggers
 * (when the trigger's conditions hold and its re-entry policy lets them in) and wakes the customer's waits for that
 * event; a change to a customer enrols them into segment-entry journeys of segments they have just entered; a date
 * trigger enrols the segment's members for whom its conditions hold, once, when its time comes.
 */
@Component
public class JourneyTriggers {

    /**
     * The context's key for when the trigger event happened. The event may be handled long after (its topic's
     * consumer lagging), so a later order is told from an earlier one by this time, not the enrolment's.
     */
    static final String TRIGGER_OCCURRED_AT = "trigger_occurred_at";

    /** How many members of a date trigger's segment are enrolled in one transaction. */
    static final int DATE_TRIGGER_PAGE = 500;

    private final JourneyRepository journeys;
    private final JourneyCatalogue catalogue;
    private final Enrolments enrolments;
    private final CustomerFactsReader customers;
    private final CustomerReadModel readModel;
    private final SegmentMembership segments;
    private final CampaignSending sending;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JourneyTriggers(
            JourneyRepository journeys,
            JourneyCatalogue catalogue,
            Enrolments enrolments,
            CustomerFactsReader customers,
            CustomerReadModel readModel,
            SegmentMembership segments,
            CampaignSending sending,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.journeys = journeys;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.customers = customers;
        this.readModel = readModel;
        this.segments = segments;
        this.sending = sending;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Applies a commerce event to journeys; runs in the caller's transaction (the event's inbox claim). */
    @Transactional
    public void onCommerceEvent(CommerceEvent event) {
        Optional<UUID> customer = customerOf(event);
        if (customer.isEmpty()) {
            return; // a guest's event reaches no customer a journey could contact
        }
        // locked, so an erasure under way waits for what the event enrols and ends it too, or has deleted the customer
        // first. A customer not known yet (their profile still to be read) is enrolled as before; one erased is not
        if (!readModel.lockIfKnown(customer.get()) && readModel.isErased(customer.get())) {
            return;
        }
        Instant now = clock.instant();
        String type = event.type().wireName();
        if (event instanceof OrderPlaced order) {
            enrolments.wakeOnOrder(customer.get(), type, order.occurredAt(), now);
        } else {
            enrolments.wake(customer.get(), type, now);
        }
        Map<String, Object> context = contextOf(event);
        // read once the first journey asks: they are the same for every journey the event triggers
        CustomerFacts facts = null;
        for (Journey journey : journeys.findByActiveTrueAndTriggerEvent(type)) {
            // a consumer reading from the start must not enrol customers for what happened before activation
            if (journey.activatedAt() == null
                    || event.occurredAt().isBefore(journey.activatedAt())
                    || !campaignSends(journey)) {
                continue;
            }
            CompiledJourney compiled = catalogue.get(journey.id());
            if (facts == null) {
                facts = customers.of(customer.get(), context, now);
            }
            JourneyTrigger trigger = compiled.definition().trigger();
            if (JourneyFacts.holdsAll(trigger.conditionsOrEmpty(), facts)
                    && mayEnter(journey.id(), trigger, customer.get(), now)) {
                enrolments.enrol(journey.id(), customer.get(), compiled.firstStep(), context, now);
            }
        }
    }

    /** A customer's read-model row changed: enrol them where they have entered a journey's segment. */
    @Transactional
    public void onCustomerChanged(UUID customerId) {
        // the change wrote the customer's row, unless they were erased: then there is nothing to enter
        if (!readModel.lockIfKnown(customerId)) {
            return;
        }
        Instant now = clock.instant();
        for (Journey journey : journeys.findByActiveTrueAndTriggerType(JourneyTrigger.SEGMENT_ENTRY)) {
            CompiledJourney compiled = catalogue.get(journey.id());
            JourneyTrigger trigger = compiled.definition().trigger();
            if (campaignSends(journey)
                    && mayEnter(journey.id(), trigger, customerId, now)
                    && segments.isMember(trigger.segmentId(), customerId)
                    && JourneyFacts.holdsAll(trigger.conditionsOrEmpty(), customers.of(customerId, Map.of(), now))) {
                enrolments.enrol(journey.id(), customerId, compiled.firstStep(), Map.of(), now);
            }
        }
    }

    /**
     * Enrols the segment of every active date-triggered journey whose date has come, once, a page of members per
     * transaction: a segment of the whole customer base is neither read into memory at once nor enrolled under one
     * transaction held for minutes. The journey is marked fired with its last page. Should the agent stop between
     * pages, the next poll goes through the segment again and passes over those enrolled already, as a date trigger
     * enrols nobody twice; another instance meanwhile finds the journey's row locked and leaves it.
     */
    public void fireDateTriggers() {
        Instant now = clock.instant();
        for (Journey journey : journeys.findByActiveTrueAndTriggerType(JourneyTrigger.DATE)) {
            CompiledJourney compiled = catalogue.get(journey.id());
            JourneyTrigger trigger = compiled.definition().trigger();
            // a paused campaign's date journey fires when it is resumed: the date has come, nobody was enrolled
            if (trigger.at().isAfter(now) || !campaignSends(journey)) {
                continue;
            }
            Optional<UUID> after = Optional.empty();
            do {
                Optional<UUID> from = after;
                after = transactions.execute(status -> enrolDatePage(journey.id(), compiled, from.orElse(null), now));
            } while (after.isPresent());
        }
    }

    /** Enrols one page of the segment; returns the last member of a full page, empty when the trigger is done. */
    private Optional<UUID> enrolDatePage(UUID journeyId, CompiledJourney compiled, UUID after, Instant now) {
        boolean mine = !jdbc.queryForList(
                        "SELECT id FROM journeys WHERE id = ? AND date_fired_at IS NULL FOR UPDATE SKIP LOCKED",
                        UUID.class,
                        journeyId)
                .isEmpty();
        if (!mine) {
            return Optional.empty(); // fired already, or another instance is enrolling it now
        }
        JourneyTrigger trigger = compiled.definition().trigger();
        List<UUID> members = segments.membersAfter(trigger.segmentId(), after, DATE_TRIGGER_PAGE);
        for (UUID member : members) {
            // the members were read before an erasure under way commits, whose changes cannot see an enrolment not
            // yet committed: with the customer's row locked, the erasure waits for the enrolment and ends it too, or
            // has deleted the member first, who is passed over. No deadlock: the erasure locks the customer's row
            // before anything else of theirs, and no journey's row
            if (readModel.lockIfKnown(member)
                    && JourneyFacts.holdsAll(trigger.conditionsOrEmpty(), customers.of(member, Map.of(), now))
                    && mayEnter(journeyId, trigger, member, now)) {
                enrolments.enrol(journeyId, member, compiled.firstStep(), Map.of(), now);
            }
        }
        if (members.size() < DATE_TRIGGER_PAGE) {
            jdbc.update("UPDATE journeys SET date_fired_at = ? WHERE id = ?", Timestamp.from(now), journeyId);
            return Optional.empty();
        }
        return Optional.of(members.getLast());
    }

    private boolean mayEnter(UUID journeyId, JourneyTrigger trigger, UUID customerId, Instant now) {
        return trigger.reEntryPolicy().allows(enrolments.lastEntered(journeyId, customerId), now);
    }

    private boolean campaignSends(Journey journey) {
        return journey.campaignId() == null
                || sending.permission(journey.campaignId()) == CampaignSending.Permission.OPEN;
    }

    static Optional<UUID> customerOf(CommerceEvent event) {
        return Optional.ofNullable(
                switch (event) {
                    case CartAbandoned cart -> cart.customerId();
                    case AddedToCart added -> added.customerId();
                    case CheckoutStarted checkout -> checkout.customerId();
                    case OrderPlaced order -> order.customerId();
                    case OrderCancelled cancelled -> cancelled.customerId();
                    case CustomerUpserted customer -> customer.customerId();
                    case PageViewed page -> page.customerId();
                    case ProductViewed product -> product.customerId();
                    default -> null;
                });
    }

    // amounts read back from JSON may have lost their trailing zeros; shown to customers they need two places
    private static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** What a trigger event tells the steps: the cart or order, for conditions and templates. */
    static Map<String, Object> contextOf(CommerceEvent event) {
        Map<String, Object> context = new HashMap<>();
        context.put("trigger_event", event.type().wireName());
        context.put(TRIGGER_OCCURRED_AT, event.occurredAt().toString());
        List<OrderLine> lines =
                switch (event) {
                    case CartAbandoned cart -> {
                        context.put("currency", cart.currency());
                        yield cart.lines();
                    }
                    case OrderPlaced order -> {
                        context.put("currency", order.currency());
                        context.put("order_id", order.orderId().toString());
                        yield order.lines();
                    }
                    default -> List.of();
                };
        if (!lines.isEmpty()) {
            context.put(
                    "cart_value",
                    money(lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)));
            context.put(
                    "items",
                    lines.stream()
                            .map(line -> Map.<String, Object>of(
                                    "sku", line.sku(),
                                    "quantity", line.quantity(),
                                    "unit_price", money(line.unitPrice())))
                            .toList());
        }
        return context;
    }
}
