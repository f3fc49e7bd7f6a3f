package com.agentfactory.recommendation.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.recommendation.catalog.CatalogService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog's stock from the inventory agent's stock changes, so a product sold out in every warehouse is
 * no longer recommended and one back in stock is again. Each change is applied once (the claim and the effect share
 * a transaction); an unreadable record goes to inventory.stock.dlt.
 */
@Component
class InventoryStockListener {

    static final String CONSUMER = "recommendation-stock";

    // the inventory agent's topic, named in its own InventoryTopics until it moves to the shared Topics
    static final String INVENTORY_STOCK = "inventory.stock";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final CatalogService catalog;

    InventoryStockListener(EnvelopeCodec codec, IdempotentConsumer idempotent, CatalogService catalog) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.catalog = catalog;
    }

    // its own consumer group from the earliest offset (platform default), so the levels reported before the agent
    // first ran are taken in too
    @KafkaListener(topics = INVENTORY_STOCK, groupId = "recommendation-stock")
    void onStockChanged(ConsumerRecord<String, String> record) {
        var received = codec.read(record.value(), StockLevelChanged.ACTION, StockLevelChanged.class);
        if (received.isEmpty()) {
            return;
        }
        StockLevelChanged change = checked(received.get().payload());
        idempotent.runOnce(
                received.get().messageId(),
                CONSUMER,
                () -> catalog.applyStockLevel(
                        change.sku(), change.location(), change.available(), change.occurredAt()));
    }

    private static StockLevelChanged checked(StockLevelChanged change) {
        if (change.sku() == null || change.location() == null || change.occurredAt() == null) {
            throw new MalformedEnvelopeException("stock_level_changed without a SKU, location or time", null);
        }
        return change;
    }
}
