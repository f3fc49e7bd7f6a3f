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
    // fewer factors and epochs than the MovieLens tuning: the service retrains often on implicit weights
    private static final BiasedMfModel.Settings SERVICE_MF =
            new BiasedMfModel.Settings(32, 20, 0.01, 0.05, 0.01, 0.05, 42);

    private final InteractionService interactions;
    private final ProductRepository products;
    private final ModelVersionRepository versions;
    private final ModelProperties properties;
    private final Clock clock;
    private final AtomicReference<TrainedModels> current = new AtomicReference<>(TrainedModels.untrained());
    // the hold-out metrics of the version in service, against which a new version must not regress
    private Map<String, Object> inServiceMetrics = Map.of();

    ModelService(
            InteractionService interactions,
            ProductRepository products,
            ModelVersionRepository versions,
            ModelProperties properties,
            Clock clock) {
        this.clock = clock;
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

    /**
     * Trains a new version from everything stored now, evaluates it on the hold-out, and puts it in service
     * only if the {@link PromotionRule} lets it; every version is recorded with its metrics and the decision.
     *
     * @return the models in service after the decision
     */
    public synchronized TrainedModels retrain() {
        Instant now = clock.instant();
        List<Signal> signals = interactions.decayedInteractions(now).stream()
                .map(interaction -> new Signal(
                        interaction.userId().toString(), interaction.productId().toString(), interaction.weight()))
                .toList();
        Map<String, String> categories = new HashMap<>();
        products.categories().forEach((id, category) -> categories.put(id.toString(), category));
        Map<String, String> texts = new HashMap<>();
        products.texts().forEach((id, text) -> texts.put(id.toString(), text));

        int version = versions.latestVersion() + 1;
        TrainedModels candidate = train(version, now, signals, categories, texts);
        Map<String, Object> holdout =
                LeaveLastOut.evaluate(signals, train -> recommenders(train(version, now, train, categories, texts)));
        PromotionRule.Decision decision = new PromotionRule(
                        properties.promotionTolerance(), properties.promotionMinHoldoutUsers())
                .decide(holdout, inServiceMetrics);

        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        signals.forEach(signal -> {
            users.add(signal.userId());
            items.add(signal.itemId());
        });
        Map<String, Object> common = new LinkedHashMap<>(holdout);
        common.put("promoted", decision.promoted());
        common.put("promotion", decision.reason());
        Map<String, Map<String, Object>> extras = new LinkedHashMap<>();
        extras.put(
                "item_cf",
                Map.of(
                        "items_with_neighbours", candidate.itemCf().itemsWithNeighbours(),
                        "catalog_products", categories.size(),
                        // share of interacted items item-CF can recommend from: coverage, not a ranking metric
                        "item_cf_coverage",
                                items.isEmpty()
                                        ? 0.0
                                        : (double) candidate.itemCf().itemsWithNeighbours() / items.size()));
        extras.put("popularity", Map.of("ranked_items", candidate.popularity().itemCount()));
        extras.put("user_cf", Map.of("users", candidate.userCf().userCount()));
        extras.put("ease", Map.of("modelled_items", candidate.ease().itemCount()));
        extras.put("als", Map.of("modelled_items", candidate.als().itemCount()));
        extras.put("ratings_mf", Map.of("modelled_items", candidate.ratings().itemCount()));
        extras.put("content", Map.of("products_with_text", candidate.content().itemCount()));
        extras.put("session", Map.of("items_with_followers", candidate.session().itemCount()));
        extras.put("ensemble", Map.of());
        extras.forEach((type, extra) -> {
            Map<String, Object> metrics = new LinkedHashMap<>(common);
            metrics.putAll(extra);
            versions.insert(
                    type, version, now, signals.size(), users.size(), items.size(), JSON.writeValueAsString(metrics));
        });

        if (decision.promoted()) {
            current.set(candidate);
            inServiceMetrics = holdout;
        }
        log.info(
                "Trained model version {} from {} interactions of {} users on {} items: {} ({})",
                version,
                signals.size(),
                users.size(),
                items.size(),
                decision.promoted() ? "promoted" : "kept out of service",
                decision.reason());
        return current.get();
    }

    private TrainedModels train(
            int version, Instant now, List<Signal> signals, Map<String, String> categories, Map<String, String> texts) {
        return new TrainedModels(
                version,
                now,
                ItemCfModel.train(signals, properties.neighbours()),
                PopularityModel.train(signals, categories),
                UserCfModel.train(signals, properties.userNeighbours()),
                EaseModel.train(signals, properties.easeLambda(), properties.easeMaxItems()),
                AlsModel.train(
                        signals,
                        new AlsModel.Settings(
                                properties.alsFactors(),
                                properties.alsIterations(),
                                properties.alsRegularisation(),
                                properties.alsAlpha(),
                                42)),
                BiasedMfModel.train(signals, SERVICE_MF),
                ContentModel.train(texts, properties.neighbours()),
                SessionModel.train(signals, properties.sessionWindow(), properties.neighbours()));
    }

    /** The hold-out view of each model, and of the default ensemble of EASE, content and popularity. */
    static Map<String, LeaveLastOut.Recommender> recommenders(TrainedModels models) {
        Map<String, LeaveLastOut.Recommender> recommenders = new LinkedHashMap<>();
        recommenders.put(
                "item_cf", (history, recent, exclude, n) -> models.itemCf().recommend(history, exclude, n));
        recommenders.put("popularity", (history, recent, exclude, n) -> models.popularity()
                .top(exclude, n));
        recommenders.put(
                "user_cf", (history, recent, exclude, n) -> models.userCf().recommend(history, exclude, n));
        recommenders.put("ease", (history, recent, exclude, n) -> models.ease().recommend(history, exclude, n));
        recommenders.put("als", (history, recent, exclude, n) -> models.als().recommend(history, exclude, n));
        recommenders.put(
                "ratings_mf", (history, recent, exclude, n) -> models.ratings().recommend(history, exclude, n));
        recommenders.put(
                "content", (history, recent, exclude, n) -> models.content().recommend(history, exclude, n));
        recommenders.put(
                "session", (history, recent, exclude, n) -> models.session().next(recent, exclude, n));
        recommenders.put(
                "ensemble",
                (history, recent, exclude, n) -> Ensemble.blend(
                        Map.of(
                                Ensemble.COLLABORATIVE, models.ease().recommend(history, exclude, n * 5),
                                Ensemble.CONTENT, models.content().recommend(history, exclude, n * 5),
                                Ensemble.POPULARITY, models.popularity().top(exclude, n * 5)),
                        Ensemble.DEFAULT_WEIGHTS,
                        n));
        return recommenders;
    }
}
