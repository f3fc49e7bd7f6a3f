package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.recommendation.model.Signal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final InteractionRepository interactions;
    private final InteractionProperties properties;
    private final ApplicationEventPublisher events;

    InteractionService(
            InteractionRepository interactions, InteractionProperties properties, ApplicationEventPublisher events) {
        this.interactions = interactions;
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
                    line.quantity());
        }
        events.publishEvent(new UserBehaviourChanged(event.customerId()));
    }

    private void record(UUID eventId, UUID userId, UUID productId, InteractionKind kind, int quantity, Instant at) {
        interactions.insert(eventId, new StoredInteraction(userId, productId, kind, at), quantity);
        events.publishEvent(new UserBehaviourChanged(userId));
    }

    /** Every stored interaction as a model signal, oldest first, weighted by kind and decayed to {@code now}. */
    public List<Signal> decayedSignals(Instant now) {
        return interactions.all().stream()
                .map(interaction -> new Signal(
                        interaction.userId().toString(),
                        interaction.productId().toString(),
                        decayedWeight(interaction, now)))
                .toList();
    }

    public UserHistory historyOf(UUID userId, Instant now) {
        Map<UUID, Double> weights = new HashMap<>();
        Set<UUID> purchased = new HashSet<>();
        for (StoredInteraction interaction : interactions.ofUser(userId)) {
            weights.merge(interaction.productId(), decayedWeight(interaction, now), Double::sum);
            if (interaction.kind() == InteractionKind.PURCHASE) {
                purchased.add(interaction.productId());
            }
        }
        return new UserHistory(weights, purchased);
    }

    private double decayedWeight(StoredInteraction interaction, Instant now) {
        return TimeDecay.decayed(
                properties.weightOf(interaction.kind()), interaction.occurredAt(), now, properties.halfLife());
    }
}
