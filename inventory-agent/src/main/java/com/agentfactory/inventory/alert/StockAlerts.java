package com.agentfactory.inventory.alert;

import com.agentfactory.inventory.replenishment.ReplenishmentPlanner;
import com.agentfactory.inventory.stock.InventoryProperties;
import com.agentfactory.inventory.stock.StockLevelChanged;
import com.agentfactory.inventory.topic.InventoryTopics;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises an alert when a SKU's available stock at a location falls into a worse level (normal, low, out), once
 * per crossing: the level last seen is stored, and staying in a level or climbing back raises nothing. Judged
 * in the transaction of the stock change, under its row lock, so concurrent changes of one row are judged in
 * turn. A SKU seen for the first time counts as coming from normal; a row an order created before the product feed
 * stocked it is not judged until the feed's quantity comes.
 */
@Service
class StockAlerts {

    private final StockAlertRepository alerts;
    private final InventoryProperties properties;
    private final ReplenishmentPlanner planner;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;
    private final Map<StockAlertType, Counter> raised = new EnumMap<>(StockAlertType.class);

    StockAlerts(
            StockAlertRepository alerts,
            InventoryProperties properties,
            ReplenishmentPlanner planner,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            AgentRuntimeProperties agent,
            MeterRegistry meters) {
        this.alerts = alerts;
        this.properties = properties;
        this.planner = planner;
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
        // every type up front, so a type never raised reads 0 rather than missing
        for (StockAlertType type : StockAlertType.values()) {
            raised.put(
                    type,
                    Counter.builder(METRIC_RAISED)
                            .description("Stock alerts raised, once per crossing")
                            .tag("type", type.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    static final String METRIC_RAISED = "inventory.alerts.raised";

    @EventListener
    @Transactional
    void onStockLevelChanged(StockLevelChanged change) {
        // the computed plan's reorder point once there is one; the configured one until then
        int reorderPoint = planner.reorderPointOf(change.sku(), change.location())
                .orElseGet(() -> properties.reorderPointOf(change.sku()));
        StockLevelState now = StockLevelState.of(change.available(), reorderPoint);
        StockLevelState before = alerts.levelOf(change.sku(), change.location())
                .map(StockLevelState::valueOf)
                .orElse(StockLevelState.NORMAL);
        if (now == before) {
            return;
        }
        alerts.recordLevel(change.sku(), change.location(), now.name(), change.occurredAt());
        now.alertFrom(before)
                .ifPresent(type -> raise(new StockAlert(
                        change.sku(), change.location(), type, change.available(), reorderPoint, change.occurredAt())));
    }

    @Transactional(readOnly = true)
    PageResponse<StockAlertResponse> search(String sku, String type, int page, int limit) {
        StockAlertType wanted = type == null ? null : typeOf(type);
        var found = alerts.search(sku, wanted, PageRequest.of(page - 1, limit));
        return PageResponse.of(
                found.getContent().stream().map(StockAlertResponse::of).toList(),
                found.getTotalElements(),
                page,
                limit);
    }

    void raise(StockAlert alert) {
        alerts.save(alert);
        Counter counter = raised.get(alert.type());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // counted once the alert is stored: a rolled-back crossing was not raised
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
        outbox.append(
                InventoryTopics.ALERTS,
                alert.sku(),
                MessageEnvelope.builder()
                        .messageId(alert.getId())
                        .timestamp(alert.raisedAt())
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(MessageEnvelope.BROADCAST, "broadcast")
                        .action(StockAlertRaised.ACTION)
                        .data(codec.toTree(StockAlertRaised.of(alert)))
                        .build());
    }

    private static StockAlertType typeOf(String type) {
        try {
            return StockAlertType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "type", "must be low_stock, out_of_stock, overstock, slow_moving or expiry_risk");
        }
    }
}
