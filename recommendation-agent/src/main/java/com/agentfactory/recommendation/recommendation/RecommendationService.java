package com.agentfactory.recommendation.recommendation;

import com.agentfactory.recommendation.catalog.Product;
import com.agentfactory.recommendation.catalog.ProductNotFoundException;
import com.agentfactory.recommendation.catalog.ProductRepository;
import com.agentfactory.recommendation.catalog.SimilarProductsSource;
import com.agentfactory.recommendation.interaction.InteractionService;
import com.agentfactory.recommendation.interaction.UserBehaviourChanged;
import com.agentfactory.recommendation.interaction.UserHistory;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.TrainedModels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds the lists: candidates from item-CF (the user's history) and popularity, blended by weight,
 * then re-ranked: never a product the user bought, only products in stock, and enough distinct
 * categories. A user with no history gets popularity; a store with no behaviour gets its newest products.
 */
@Service
class RecommendationService implements SimilarProductsSource {

    static final String ITEM_CF = "item_cf";
    static final String POPULARITY = "popularity";
    static final String NEW_ARRIVALS = "new_arrivals";

    private final ModelService models;
    private final InteractionService interactions;
    private final ProductRepository products;
    private final RecommendationCache cache;
    private final RecommendationProperties properties;
    private final Clock clock = Clock.systemUTC();

    RecommendationService(
            ModelService models,
            InteractionService interactions,
            ProductRepository products,
            RecommendationCache cache,
            RecommendationProperties properties) {
        this.models = models;
        this.interactions = interactions;
        this.products = products;
        this.cache = cache;
        this.properties = properties;
    }

    UserRecommendationsResponse forUser(UUID userId, int limit) {
        TrainedModels trained = models.current();
        String key = RecommendationCache.userKey(userId);
        String field = trained.version() + ":" + limit;
        return cache.get(key, field, UserRecommendationsResponse.class).orElseGet(() -> {
            UserRecommendationsResponse fresh = computeForUser(trained, userId, limit);
            cache.put(key, field, fresh, properties.cacheTtl());
            return fresh;
        });
    }

    SimilarProductsResponse similar(UUID productId, int limit) {
        TrainedModels trained = models.current();
        String key = RecommendationCache.similarKey(productId);
        String field = trained.version() + ":" + limit;
        return cache.get(key, field, SimilarProductsResponse.class).orElseGet(() -> {
            SimilarProductsResponse fresh = computeSimilar(trained, productId, limit);
            cache.put(key, field, fresh, properties.cacheTtl());
            return fresh;
        });
    }

    @Override
    public List<Product> similarTo(UUID productId, int limit) {
        Map<UUID, Product> byId = new HashMap<>();
        List<RecommendedProductResponse> similar = similar(productId, limit).recommendations();
        products.findAll(similar.stream()
                        .map(RecommendedProductResponse::productId)
                        .toList())
                .forEach(byId::put);
        return similar.stream()
                .map(item -> byId.get(item.productId()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    // after commit, so a list recomputed concurrently cannot be cached from the behaviour before the change
    @TransactionalEventListener(fallbackExecution = true)
    void onUserBehaviourChanged(UserBehaviourChanged event) {
        cache.evict(RecommendationCache.userKey(event.userId()));
    }

    private UserRecommendationsResponse computeForUser(TrainedModels trained, UUID userId, int limit) {
        Instant now = clock.instant();
        UserHistory history = interactions.historyOf(userId, now);
        Set<String> bought = new HashSet<>();
        history.purchased().forEach(id -> bought.add(id.toString()));
        Map<String, Double> weights = new HashMap<>();
        history.weights().forEach((id, weight) -> weights.put(id.toString(), weight));

        int pool = properties.candidatePool();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        blend(candidates, trained.itemCf().recommend(weights, bought, pool), properties.collaborativeWeight(), ITEM_CF);
        blend(candidates, trained.popularity().top(bought, pool), properties.popularityWeight(), POPULARITY);

        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort((a, b) -> Double.compare(b.score, a.score));
        List<Scored> available = inStock(ranked, history.purchased());
        if (available.size() < limit) {
            topUpWithNewArrivals(available, history.purchased(), limit);
        }
        List<Scored> chosen =
                DiversityReranker.rerank(available, limit, properties.minCategoryShare(), s -> s.product.category());
        return new UserRecommendationsResponse(userId, trained.version(), now, responses(chosen));
    }

    private SimilarProductsResponse computeSimilar(TrainedModels trained, UUID productId, int limit) {
        Product product = products.find(productId).orElseThrow(() -> new ProductNotFoundException(productId));
        Set<UUID> exclude = Set.of(productId);
        List<Candidate> candidates = new ArrayList<>();
        trained.itemCf()
                .similar(productId.toString(), properties.candidatePool())
                .forEach(item -> candidates.add(new Candidate(item.itemId(), item.score(), ITEM_CF)));
        List<Scored> available = inStock(candidates, exclude);
        if (available.size() < limit && product.category() != null) {
            // an item nobody has interacted with yet is still similar to the favourites of its own category
            Set<String> taken = new HashSet<>();
            available.forEach(s -> taken.add(s.product.productId().toString()));
            taken.add(productId.toString());
            List<Candidate> sameCategory =
                    trained.popularity().topInCategory(product.category(), taken, limit - available.size()).stream()
                            .map(item -> new Candidate(item.itemId(), 0.0, POPULARITY))
                            .toList();
            available.addAll(inStock(sameCategory, exclude));
        }
        List<Scored> chosen = available.subList(0, Math.min(limit, available.size()));
        return new SimilarProductsResponse(productId, trained.version(), clock.instant(), responses(chosen));
    }

    // scores of each source are scaled to [0, 1] by their best before weighting, so the weights mean what they say
    private static void blend(Map<String, Candidate> candidates, List<ScoredItem> items, double weight, String source) {
        double best = items.stream().mapToDouble(ScoredItem::score).max().orElse(0);
        if (best <= 0) {
            return;
        }
        for (ScoredItem item : items) {
            double score = weight * item.score() / best;
            candidates.merge(
                    item.itemId(),
                    new Candidate(item.itemId(), score, source),
                    (a, b) -> new Candidate(a.itemId, a.score + b.score, a.score >= b.score ? a.source : b.source));
        }
    }

    private List<Scored> inStock(List<Candidate> candidates, Set<UUID> exclude) {
        List<UUID> ids = candidates.stream().map(c -> UUID.fromString(c.itemId)).toList();
        Map<UUID, Product> found = products.findAll(ids);
        List<Scored> available = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Product product = found.get(UUID.fromString(candidate.itemId));
            if (product != null && product.inStock() && !exclude.contains(product.productId())) {
                available.add(new Scored(product, candidate.score, candidate.source));
            }
        }
        return available;
    }

    private void topUpWithNewArrivals(List<Scored> available, Set<UUID> exclude, int limit) {
        Set<UUID> taken = new HashSet<>(exclude);
        available.forEach(s -> taken.add(s.product.productId()));
        for (Product product : products.newestInStock(limit + taken.size())) {
            if (available.size() >= limit) {
                return;
            }
            if (taken.add(product.productId())) {
                available.add(new Scored(product, 0.0, NEW_ARRIVALS));
            }
        }
    }

    private static List<RecommendedProductResponse> responses(List<Scored> chosen) {
        return chosen.stream()
                .map(s -> RecommendedProductResponse.of(s.product, s.score, s.source))
                .toList();
    }

    private record Candidate(String itemId, double score, String source) {}

    private record Scored(Product product, double score, String source) {}
}
