package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductViewed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Records what known customers do with products. Guests (no customer id) are not recorded: without a
 * stable id their history could never be recommended from. Nor are customers erased here, whose events may still be
 * read after their erasure.
 */
@Service
public class InteractionService {

    private static final int RECENT_ITEMS = 10;

    private final InteractionRepository interactions;
    private final AbandonedCartRepository abandonedCarts;
    private final CustomerCountryRepository countries;
    private final ErasedCustomers erased;
    private final InteractionProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InteractionService(
            InteractionRepository interactions,
            AbandonedCartRepository abandonedCarts,
            CustomerCountryRepository countries,
            ErasedCustomers erased,
            InteractionProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.interactions = interactions;
        this.abandonedCarts = abandonedCarts;
        this.countries = countries;
        this.erased = erased;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public void recordView(ProductViewed event) {
        if (recordable(event.customerId())) {
            record(event.eventId(), event.customerId(), event.productId(), InteractionKind.VIEW, 1, event.occurredAt());
        }
    }

    public void recordCart(AddedToCart event) {
        if (recordable(event.customerId())) {
            record(
                    event.eventId(),
                    event.customerId(),
                    event.productId(),
                    InteractionKind.CART,
                    event.quantity(),
                    event.occurredAt());
        }
    }

    /**
     * Records the order's lines as purchases, less what the cancellations of it read before it took back, and takes
     * the products bought out of a cart the customer abandoned before the order: a recovery list is not to lead with
     * them, nor to be built at all once every product of the cart is bought.
     */
    public void recordPurchase(OrderPlaced event) {
        if (!recordable(event.customerId())) {
            return;
        }
        interactions.lockOrderNumber(event.orderNumber());
        for (OrderLine line : event.lines()) {
            interactions.insert(
                    event.eventId(),
                    new StoredInteraction(
                            event.customerId(), line.productId(), InteractionKind.PURCHASE, event.occurredAt()),
                    line.quantity(),
                    event.orderNumber());
        }
        for (CancelledLine cancelled : interactions.takePending(event.orderNumber())) {
            interactions.takeBackPurchase(event.orderNumber(), null, cancelled.productId(), cancelled.quantity());
        }
        List<UUID> bought =
                event.lines().stream().map(OrderLine::productId).distinct().toList();
        if (!bought.isEmpty()) {
            abandonedCarts.lockCartOf(event.customerId());
            abandonedCarts.takeOutBought(event.customerId(), bought, event.occurredAt());
        }
        events.publishEvent(new UserBehaviourChanged(event.customerId()));
    }

    /**
     * Takes the cancelled lines back from the purchases they came from, so a returned product is neither
     * learned from nor filtered out as bought any more. A cancellation naming an order not recorded yet (it travels
     * under its own key, so it can be read first) is kept until that order arrives.
     */
    public void recordCancellation(OrderCancelled event) {
        if (event.customerId() != null && erased.isErased(event.customerId())) {
            return;
        }
        String orderNumber = event.originalOrderNumber();
        if (orderNumber != null) {
            interactions.lockOrderNumber(orderNumber);
        }
        // asked before any line is taken back: one taken back in full is deleted, and the order may go with it
        boolean orderRecorded = orderNumber != null && interactions.hasPurchasesOf(orderNumber);
        Set<UUID> changed = new HashSet<>();
        List<CancelledLine> notTakenBack = new ArrayList<>();
        for (int i = 0; i < event.lines().size(); i++) {
            OrderLine line = event.lines().get(i);
            Optional<UUID> customer =
                    interactions.takeBackPurchase(orderNumber, event.customerId(), line.productId(), line.quantity());
            customer.ifPresent(changed::add);
            if (customer.isEmpty() && line.quantity() > 0) {
                notTakenBack.add(new CancelledLine(i + 1, line.productId(), line.quantity()));
            }
        }
        // lines of an order recorded here but not found in it have nothing to wait for
        if (orderNumber != null && !orderRecorded && !notTakenBack.isEmpty()) {
            interactions.keepPending(event.eventId(), orderNumber, notTakenBack, event.occurredAt(), clock.instant());
        }
        changed.forEach(userId -> events.publishEvent(new UserBehaviourChanged(userId)));
    }

    /**
     * Keeps a known customer's abandoned cart, so a recovery list can be built from it, without the products the
     * customer bought after abandoning it: an order read before the abandonment (they travel on different topics).
     */
    public void recordAbandonedCart(CartAbandoned event) {
        if (!recordable(event.customerId())) {
            return;
        }
        abandonedCarts.lockCartOf(event.customerId());
        List<UUID> productIds =
                event.lines().stream().map(OrderLine::productId).distinct().toList();
        Set<UUID> boughtSince = productIds.isEmpty()
                ? Set.of()
                : interactions.boughtAfter(event.customerId(), productIds, event.occurredAt());
        List<UUID> left =
                productIds.stream().filter(id -> !boughtSince.contains(id)).toList();
        abandonedCarts.save(new AbandonedCart(event.customerId(), left, event.occurredAt()));
        events.publishEvent(new UserBehaviourChanged(event.customerId()));
    }

    /** Keeps a customer's country: the lists of a customer without history follow what sells there. */
    public void recordCustomer(CustomerUpserted event) {
        if (event.country() != null && !event.country().isBlank() && recordable(event.customerId())) {
            countries.save(event.customerId(), event.country().strip(), event.occurredAt());
            events.publishEvent(new UserBehaviourChanged(event.customerId()));
        }
    }

    /** The customer's country, or null when the customer feed has not named one. */
    public String countryOf(UUID customerId) {
        return countries.find(customerId).orElse(null);
    }

    /** Every known customer's country. */
    public Map<UUID, String> countries() {
        return countries.all();
    }

    public Optional<AbandonedCart> abandonedCartOf(UUID userId) {
        return abandonedCarts.find(userId);
    }

    /**
     * Whether the customer's events are recorded: not a guest's (no stable id to recommend to) nor an erased
     * customer's read after the erasure. Called in the event's transaction before anything of it is written.
     */
    private boolean recordable(UUID customerId) {
        return customerId != null && !erased.isErased(customerId);
    }

    private void record(UUID eventId, UUID userId, UUID productId, InteractionKind kind, int quantity, Instant at) {
        interactions.insert(eventId, new StoredInteraction(userId, productId, kind, at), quantity);
        events.publishEvent(new UserBehaviourChanged(userId));
    }

    /** Every stored interaction, oldest first, weighted by kind and decayed to {@code now}. */
    public List<DecayedInteraction> decayedInteractions(Instant now) {
        return interactions.all().stream()
                .map(interaction -> new DecayedInteraction(
                        interaction.userId(),
                        interaction.productId(),
                        decayedWeight(interaction, now),
                        interaction.occurredAt()))
                .toList();
    }

    public UserHistory historyOf(UUID userId, Instant now) {
        Map<UUID, Double> weights = new HashMap<>();
        Set<UUID> purchased = new HashSet<>();
        for (DecayedTotal total : interactions.decayedTotals(userId, now, properties.halfLife())) {
            weights.merge(total.productId(), properties.weightOf(total.kind()) * total.decayed(), Double::sum);
            if (total.kind() == InteractionKind.PURCHASE) {
                purchased.add(total.productId());
            }
        }
        // read apart from the totals, so an interaction recorded in between may be in one and not the other; it
        // clears the user's cached lists, so a list built on such a history is not served again
        List<UUID> recent = interactions.latestProducts(userId, RECENT_ITEMS).reversed();
        return new UserHistory(weights, purchased, List.copyOf(recent));
    }

    private double decayedWeight(StoredInteraction interaction, Instant now) {
        return TimeDecay.decayed(
                properties.weightOf(interaction.kind()), interaction.occurredAt(), now, properties.halfLife());
    }
}
