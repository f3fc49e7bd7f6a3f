package com.agentfactory.recommendation.messaging;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.recommendation.catalog.CatalogService;
import com.agentfactory.recommendation.interaction.InteractionService;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the commerce topics the recommender learns from. Each event is applied once (claimed on its
 * message id, which is the storefront's event id) in the same transaction as its effect; unreadable
 * messages are logged and skipped so one bad record cannot stall the partition.
 */
@Component
class CommerceEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CommerceEventsListener.class);
    private static final String CONSUMER = "recommendation-commerce";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final CatalogService catalog;
    private final InteractionService interactions;

    CommerceEventsListener(
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            CatalogService catalog,
            InteractionService interactions) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.catalog = catalog;
        this.interactions = interactions;
    }

    @KafkaListener(
            topics = {Topics.COMMERCE_PRODUCTS, Topics.COMMERCE_ORDERS, Topics.COMMERCE_BEHAVIOUR},
            groupId = "recommendation",
            concurrency = "${agentfactory.recommendation.listener-concurrency:1}")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        decode(record)
                .ifPresent(decoded -> idempotent.runOnce(decoded.messageId(), CONSUMER, () -> apply(decoded.event())));
    }

    private void apply(CommerceEvent event) {
        switch (event) {
            case ProductUpserted product -> catalog.apply(product);
            case OrderPlaced order -> interactions.recordPurchase(order);
            case OrderCancelled cancellation -> interactions.recordCancellation(cancellation);
            case CartAbandoned cart -> interactions.recordAbandonedCart(cart);
            case ProductViewed view -> interactions.recordView(view);
            case AddedToCart cart -> interactions.recordCart(cart);
            default -> {
                // other commerce events carry nothing the recommender uses
            }
        }
    }

    private Optional<Decoded> decode(ConsumerRecord<String, String> record) {
        try {
            MessageEnvelope envelope = codec.decode(record.value());
            Optional<CommerceEventType> type = CommerceEventType.fromWireName(envelope.action());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(
                    envelope.messageId(),
                    codec.fromTree(envelope.payload().data(), type.get().payloadType())));
        } catch (MalformedEnvelopeException e) {
            log.warn(
                    "Unreadable message on {} at offset {} skipped: {}",
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private record Decoded(UUID messageId, CommerceEvent event) {}
}
