package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductViewed;
import java.time.Instant;
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
 * stable id their history could never be recommended from.
 */
@Service
public class InteractionService {

    private static final int RECENT_ITEMS = 10;

    private final InteractionRepository interactions;
    private final AbandonedCartRepository abandonedCarts;
    private final CustomerCountryRepository countries;
    private final InteractionProperties properties;
    private final ApplicationEventPublisher events;

    InteractionService(
            InteractionRepository interactions,
            AbandonedCartRepository abandonedCarts,
            CustomerCountryRepository countries,
            InteractionProperties properties,
            ApplicationEventPublisher events) {
        this.interactions = interactions;
        this.abandonedCarts = abandonedCarts;
        this.countries = countries;
        this.properties = properties;
        this.events = events;
    }

    public void recordView(ProductViewed event) {
        if (event.customerId() != null) {
            record(event.eventId(), event.customerId(), event.productId(), InteractionKind.VIEW, 1, event.occurredAt());
        }
    }

    public void recordCart(AddedToCart event) {
        if (event.customerId() != null) {
            record(
                    event.eventId(),
                    event.customerId(),
                    event.productId(),
                    InteractionKind.CART,
                    event.quantity(),
                    event.occurredAt());
        }
    }

    public void recordPurchase(OrderPlaced event) {
        if (event.customerId() == null) {
            return;
        }
        for (OrderLine line : event.lines()) {
            interactions.insert(
                    event.eventId(),
                    new StoredInteraction(
                            event.customerId(), line.productId(), InteractionKind.PURCHASE, event.occurredAt()),
                    line.quantity(),
                    event.orderNumber());
        }
        events.publishEvent(new UserBehaviourChanged(event.customerId()));
    }

    /**
     * Takes the cancelled lines back from the purchases they came from, so a returned product is neither
     * learned from nor filtered out as bought any more.
     */
    public void recordCancellation(OrderCancelled event) {
        Set<UUID> changed = new HashSet<>();
        for (OrderLine line : event.lines()) {
            interactions
                    .takeBackPurchase(
                            event.originalOrderNumber(), event.customerId(), line.productId(), line.quantity())
                    .ifPresent(changed::add);
        }
        changed.forEach(userId -> events.publishEvent(new UserBehaviourChanged(userId)));
    }

    /** Keeps a known customer's abandoned cart, so a recovery list can be built from it. */
    public void recordAbandonedCart(CartAbandoned event) {
        if (event.customerId() == null) {
            return;
        }
        List<UUID> productIds =
                event.lines().stream().map(OrderLine::productId).distinct().toList();
        abandonedCarts.save(new AbandonedCart(event.customerId(), productIds, event.occurredAt()));
        events.publishEvent(new UserBehaviourChanged(event.customerId()));
    }

    /** Keeps a customer's country: the lists of a customer without history follow what sells there. */
    public void recordCustomer(CustomerUpserted event) {
        if (event.country() != null && !event.country().isBlank()) {
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
