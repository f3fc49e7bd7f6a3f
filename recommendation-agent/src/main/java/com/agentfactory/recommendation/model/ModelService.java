package com.agentfactory.recommendation.model;

import com.agentfactory.recommendation.catalog.ProductRepository;
import com.agentfactory.recommendation.interaction.DecayedInteraction;
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
    // candidates per source when learning the blend, as many as serving re-ranks at most
    private static final int VALIDATION_POOL = 100;
    // fewer validation users than this teach the blend nothing reliable: the configured weights stay
    private static final int MIN_VALIDATION_USERS = 20;
    // the latest products of a customer the session model continues from, as serving passes them
    private static final int RECENT_ITEMS = 10;

    private final InteractionService interactions;
    private final ProductRepository products;
    private final ModelVersionRepository versions;
    private final ModelProperties properties;
    private final Clock clock;
    private final AtomicReference<TrainedModels> current = new AtomicReference<>(TrainedModels.untrained());
    // the version in service as the promotion gate scores it; guarded by retrain's lock
    private PromotionGate.InService inService = PromotionGate.InService.NONE;

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
     * only if the {@link PromotionGate} lets it; every version is recorded with its metrics and the decision.
     *
     * @return the models in service after the decision
     */
    public synchronized TrainedModels retrain() {
        Instant now = clock.instant();
        List<DecayedInteraction> stored = interactions.decayedInteractions(now);
        List<Signal> signals = stored.stream().map(ModelService::signal).toList();
        Map<String, String> countries = new HashMap<>();
        interactions.countries().forEach((id, country) -> countries.put(id.toString(), country));
        Map<String, String> categories = new HashMap<>();
        products.categories().forEach((id, category) -> categories.put(id.toString(), category));
        Map<String, String> texts = new HashMap<>();
        products.texts().forEach((id, text) -> texts.put(id.toString(), text));

        int version = versions.nextVersion();
        BlendWeights blend = learnBlend(version, now, stored, countries, categories, texts);
        TrainedModels candidate = train(version, now, signals, newlySelling(stored), countries, categories, texts)
                .withBlend(blend);
        PromotionGate.Result gated = new PromotionGate(
                        new PromotionRule(properties.promotionTolerance(), properties.promotionMinHoldoutUsers()))
                .decide(
                        stored,
                        signals,
                        train -> recommenders(
                                train(version, now, train, newlySelling(stored), countries, categories, texts), blend),
                        inService);
        Map<String, Object> holdout = gated.holdout();
        PromotionRule.Decision decision = gated.decision();

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
        extras.put("trending", Map.of("countries", candidate.trending().countryCount()));
        extras.put("content", Map.of("products_with_text", candidate.content().itemCount()));
        extras.put("session", Map.of("items_with_followers", candidate.session().itemCount()));
        extras.put(
                "ensemble",
                Map.of(
                        "weights_known", blend.known(),
                        "weights_new", blend.fresh(),
                        "validation", blend.validation()));
        extras.forEach((type, extra) -> {
            Map<String, Object> metrics = new LinkedHashMap<>(common);
            metrics.putAll(extra);
            versions.insert(
                    type, version, now, signals.size(), users.size(), items.size(), JSON.writeValueAsString(metrics));
        });

        if (decision.promoted()) {
            current.set(candidate);
            inService = PromotionGate.InService.of(recommenders(candidate, blend), stored);
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
            int version,
            Instant now,
            List<Signal> signals,
            NewlySelling newlySelling,
            Map<String, String> countries,
            Map<String, String> categories,
            Map<String, String> texts) {
        return new TrainedModels(
                version,
                now,
                ItemCfModel.train(signals, properties.itemNeighbours()),
                PopularityModel.train(signals, categories),
                TrendingModel.train(signals, countries, properties.countryShrinkage()),
                NewArrivals.train(
                        signals,
                        newlySelling.firstSeen(),
                        newlySelling.since(),
                        countries,
                        properties.countryShrinkage()),
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
                ContentModel.train(texts, properties.neighbours()),
                SessionModel.train(signals, properties.sessionWindow(), properties.neighbours()),
                BlendWeights.NONE);
    }

    /**
     * Learns the ensemble weights: the models are trained on everything before the validation window (the
     * last {@code validationWindow} of the stored interactions, or their latest 10% when that window holds
     * under 5% or over half of them), and the weights that rank best what each customer did in the window
     * are kept, separately for customers with and without earlier history. The models in service are then
     * trained on everything, with these weights.
     */
    private BlendWeights learnBlend(
            int version,
            Instant now,
            List<DecayedInteraction> stored,
            Map<String, String> countries,
            Map<String, String> categories,
            Map<String, String> texts) {
        if (stored.isEmpty()) {
            return BlendWeights.NONE;
        }
        Instant cut = stored.getLast().occurredAt().minus(properties.validationWindow());
        int index = 0;
        while (index < stored.size() && stored.get(index).occurredAt().isBefore(cut)) {
            index++;
        }
        double share = 1.0 - (double) index / stored.size();
        if (share < 0.05 || share > 0.5) {
            index = (int) Math.round(stored.size() * 0.9);
        }
        List<Signal> early =
                stored.subList(0, index).stream().map(ModelService::signal).toList();
        Map<String, Map<String, Double>> history = new HashMap<>();
        Map<String, List<String>> recent = new HashMap<>();
        for (Signal signal : early) {
            history.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                    .merge(signal.itemId(), signal.weight(), Double::sum);
            List<String> sequence = recent.computeIfAbsent(signal.userId(), u -> new java.util.ArrayList<>());
            sequence.add(signal.itemId());
            if (sequence.size() > RECENT_ITEMS) {
                sequence.removeFirst();
            }
        }
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        for (DecayedInteraction later : stored.subList(index, stored.size())) {
            String user = later.userId().toString();
            String item = later.productId().toString();
            if (!history.getOrDefault(user, Map.of()).containsKey(item)) {
                relevant.computeIfAbsent(user, u -> new HashSet<>()).add(item);
            }
        }
        TrainedModels models =
                train(version, now, early, newlySelling(stored.subList(0, index)), countries, categories, texts);
        List<BlendLearner.Example> known = new java.util.ArrayList<>();
        List<BlendLearner.Example> fresh = new java.util.ArrayList<>();
        relevant.forEach((user, items) -> {
            Map<String, Double> seen = history.getOrDefault(user, Map.of());
            var sources = CandidateSources.forUser(
                    models,
                    seen,
                    recent.getOrDefault(user, List.of()),
                    countries.get(user),
                    seen.keySet(),
                    VALIDATION_POOL);
            (seen.isEmpty() ? fresh : known).add(new BlendLearner.Example(sources, items));
        });
        BlendLearner.Result knownResult = known.size() >= MIN_VALIDATION_USERS
                ? BlendLearner.learn(known, LeaveLastOut.K)
                : new BlendLearner.Result(Map.of(), 0, Map.of(), known.size());
        BlendLearner.Result freshResult = fresh.size() >= MIN_VALIDATION_USERS
                ? BlendLearner.learn(fresh, LeaveLastOut.K)
                : new BlendLearner.Result(Map.of(), 0, Map.of(), fresh.size());
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put(
                "window_from",
                stored.get(Math.min(index, stored.size() - 1)).occurredAt().toString());
        validation.put("known_users", knownResult.users());
        validation.put("known_ndcg_at_10", knownResult.ndcg());
        validation.put("known_single_ndcg_at_10", knownResult.singleNdcg());
        validation.put("new_users", freshResult.users());
        validation.put("new_ndcg_at_10", freshResult.ndcg());
        validation.put("new_single_ndcg_at_10", freshResult.singleNdcg());
        return new BlendWeights(knownResult.weights(), freshResult.weights(), validation);
    }

    /** When each product was first used, and from when on a product counts as newly selling. */
    private record NewlySelling(Map<String, Instant> firstSeen, Instant since) {}

    /** @param oldestFirst the interactions a version is trained on: new is relative to the latest of them */
    private NewlySelling newlySelling(List<DecayedInteraction> oldestFirst) {
        Map<String, Instant> firstSeen = new HashMap<>();
        oldestFirst.forEach(
                interaction -> firstSeen.putIfAbsent(interaction.productId().toString(), interaction.occurredAt()));
        Instant latest =
                oldestFirst.isEmpty() ? clock.instant() : oldestFirst.getLast().occurredAt();
        return new NewlySelling(firstSeen, latest.minus(properties.newlySellingWindow()));
    }

    private static Signal signal(DecayedInteraction interaction) {
        return new Signal(
                interaction.userId().toString(), interaction.productId().toString(), interaction.weight());
    }

    /**
     * The hold-out view of each model, and of the ensemble with the weights learned for this version (the
     * configured default shares when none could be learned).
     */
    static Map<String, LeaveLastOut.Recommender> recommenders(TrainedModels models, BlendWeights blend) {
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
                "content", (history, recent, exclude, n) -> models.content().recommend(history, exclude, n));
        recommenders.put(
                "session", (history, recent, exclude, n) -> models.session().next(recent, exclude, n));
        recommenders.put("ensemble", (history, recent, exclude, n) -> {
            if (!blend.learned()) {
                return Ensemble.blend(
                        Map.of(
                                Ensemble.COLLABORATIVE, models.ease().recommend(history, exclude, n * 5),
                                Ensemble.CONTENT, models.content().recommend(history, exclude, n * 5),
                                Ensemble.POPULARITY, models.popularity().top(exclude, n * 5)),
                        Ensemble.DEFAULT_WEIGHTS,
                        n);
            }
            return Ensemble.blend(
                    CandidateSources.forUser(models, history, recent, null, exclude, n * 5),
                    blend.forCustomer(!history.isEmpty()),
                    n);
        });
        return recommenders;
    }
}
