package com.agentfactory.inventory.stock;

import com.agentfactory.inventory.topic.InventoryTopics;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reports a changed stock row in the transaction that changed it: on inventory.stock through the outbox (so the
 * message exists exactly when the change does) and to in-process listeners (the alerts), which run in the same
 * transaction while the row is still locked, so two changes of one row are judged one after the other (a row still
 * waiting for the product feed's initial stock goes on the topic only). Units
 * ordered go to in-process listeners only (the demand history).
 */
@Component
class StockChanges {

    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;
    private final ApplicationEventPublisher events;

    StockChanges(
            OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
        this.events = events;
    }

    void changed(StockLevel row, Instant at) {
        var change = new StockLevelChanged(row.sku(), row.location(), row.available(), row.onHand(), at);
        outbox.append(
                InventoryTopics.STOCK,
                row.sku(),
                MessageEnvelope.builder()
                        .messageId(UUID.randomUUID())
                        .timestamp(at)
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(MessageEnvelope.BROADCAST, "broadcast")
                        .action(StockLevelChanged.ACTION)
                        .data(codec.toTree(change))
                        .build());
        // a row an order created before the product feed stocked it says nothing yet of how much there is: the
        // alerts judge it once the feed's quantity comes
        if (row.initialStockTaken()) {
            events.publishEvent(change);
        }
    }

    /** Demand, for the forecasts; in-process only. */
    void ordered(UnitsOrdered units) {
        events.publishEvent(units);
    }
}
