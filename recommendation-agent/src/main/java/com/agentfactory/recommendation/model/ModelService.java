package com.agentfactory.recommendation.model;

import com.agentfactory.recommendation.catalog.ProductRepository;
import com.agentfactory.recommendation.interaction.InteractionService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the models from the stored interactions on start, on a schedule and on demand, records each
 * version with its metrics, and serves the latest. Training replaces the models in one step, so readers
 * never see a half-trained set.
 */
@Service
public class ModelService {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InteractionService interactions;
    private final ProductRepository products;
    private final ModelVersionRepository versions;
    private final ModelProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<TrainedModels> current = new AtomicReference<>(TrainedModels.untrained());

    ModelService(
            InteractionService interactions,
            ProductRepository products,
            ModelVersionRepository versions,
            ModelProperties properties) {
        this.interactions = interactions;
        this.products = products;
        this.versions = versions;
        this.properties = properties;
    }

    public TrainedModels current() {
        return current.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainOnStart() {
        retrain();
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.recommendation.model.retrain-interval}",
            initialDelayString = "${agentfactory.recommendation.model.retrain-interval}")
    void retrainOnSchedule() {
        retrain();
    }

    /** Trains a new version from everything stored now and puts it in service. */
    public synchronized TrainedModels retrain() {
        Instant now = clock.instant();
        List<Signal> signals = interactions.decayedSignals(now);
        Map<String, String> categories = new HashMap<>();
        products.categories().forEach((id, category) -> categories.put(id.toString(), category));

        ItemCfModel itemCf = ItemCfModel.train(signals, properties.neighbours());
        PopularityModel popularity = PopularityModel.train(signals, categories);

        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        signals.forEach(signal -> {
            users.add(signal.userId());
            items.add(signal.itemId());
        });
        int version = versions.latestVersion() + 1;
        Map<String, Object> holdout = LeaveLastOut.evaluate(signals, properties.neighbours());
        Map<String, Object> metrics = new LinkedHashMap<>(holdout);
        metrics.put("items_with_neighbours", itemCf.itemsWithNeighbours());
        metrics.put("catalog_products", categories.size());
        // share of interacted items item-CF can recommend from: the model's own coverage, not a ranking metric
        metrics.put("item_cf_coverage", items.isEmpty() ? 0.0 : (double) itemCf.itemsWithNeighbours() / items.size());
        versions.insert(
                "item_cf", version, now, signals.size(), users.size(), items.size(), JSON.writeValueAsString(metrics));
        versions.insert(
                "popularity",
                version,
                now,
                signals.size(),
                users.size(),
                items.size(),
                JSON.writeValueAsString(Map.of(
                        "ranked_items", popularity.itemCount(),
                        "holdout_users", holdout.get("holdout_users"),
                        "hr_at_10", holdout.get("popularity_hr_at_10"),
                        "ndcg_at_10", holdout.get("popularity_ndcg_at_10"))));

        TrainedModels trained = new TrainedModels(version, now, itemCf, popularity);
        current.set(trained);
        log.info(
                "Trained model version {} from {} interactions of {} users on {} items",
                version,
                signals.size(),
                users.size(),
                items.size());
        return trained;
    }
}
