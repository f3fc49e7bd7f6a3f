package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.catalog.Product;
import com.agentfactory.recommendation.catalog.ProductListingChanged;
import com.agentfactory.recommendation.catalog.ProductNotFoundException;
import com.agentfactory.recommendation.catalog.ProductRepository;
import com.agentfactory.recommendation.catalog.SimilarProductsSource;
import com.agentfactory.recommendation.interaction.AbandonedCart;
import com.agentfactory.recommendation.interaction.InteractionService;
import com.agentfactory.recommendation.interaction.UserBehaviourChanged;
import com.agentfactory.recommendation.interaction.UserHistory;
import com.agentfactory.recommendation.model.Ensemble;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.TrainedModels;
import com.agentfactory.recommendation.rerank.Reranker;
import com.agentfactory.recommendation.rerank.Reranker.Candidate;
import com.agentfactory.recommendation.rerank.Reranker.Context;
import com.agentfactory.recommendation.rerank.Reranker.Pin;
import com.agentfactory.recommendation.rerank.Reranker.Scored;
import com.agentfactory.recommendation.rule.BusinessRule;
import com.agentfactory.recommendation.rule.BusinessRuleService;
import com.agentfactory.recommendation.rule.BusinessRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds every list the same way: candidates from each model, blended by the configured weights, then
 * re-ranked (never a product bought unless its category is consumable, only products in stock, enough
 * distinct categories, margin boost, pin/boost/block rules), and cached in Redis until the user's
 * behaviour, the models, the rules or a product's name, category, price or margin change (a product sold out
 * meanwhile is left out as the list is served). The "for you" blend uses the weights learned with the model
 * version in service (one set for customers with history, one for customers without), the configured weights until
 * a version has learned them. A customer with no history gets what the current session
 * (next items, similar texts), their country's trending list and popularity propose, and the popular
 * products of the categories they first looked at; a store with no behaviour gets its newest products.
 */
@Service
class RecommendationService implements SimilarProductsSource {

    static final String ABANDONED_CART = "abandoned_cart";
    static final String UPSELL = "upsell";

    private final ModelService models;
    private final InteractionService interactions;
    private final ProductRepository products;
    private final RecommendationCache cache;
    private final SoldOutProducts soldOut;
    private final ErasedCustomerLists erasedLists;
    private final BusinessRuleService rules;
    private final RecommendationProperties properties;
    private final Map<String, Double> weights;
    private final Clock clock;

    RecommendationService(
            ModelService models,
            InteractionService interactions,
            ProductRepository products,
            RecommendationCache cache,
            SoldOutProducts soldOut,
            ErasedCustomerLists erasedLists,
            BusinessRuleService rules,
            RecommendationProperties properties,
            Clock clock) {
        this.clock = clock;
        this.models = models;
        this.interactions = interactions;
        this.products = products;
        this.cache = cache;
        this.soldOut = soldOut;
        this.erasedLists = erasedLists;
        this.rules = rules;
        this.properties = properties;
        this.weights = ModelSources.weights(properties.weights());
    }

    /** Homepage "for you". */
    UserRecommendationsResponse forUser(UUID userId, int limit) {
        return cached(
                userId,
                RecommendationCache.userKey(userId),
                "for_you",
                limit,
                List.of(),
                UserRecommendationsResponse.class,
                (trained, inForce) -> computeForUser(trained, inForce, userId, limit));
    }

    /** Product page "similar products". */
    SimilarProductsResponse similar(UUID productId, int limit) {
        return cached(
                null,
                RecommendationCache.similarKey(productId),
                "similar",
                limit,
                List.of(),
                SimilarProductsResponse.class,
                (trained, inForce) -> computeSimilar(trained, inForce, productId, limit));
    }

    /** Cart "frequently bought together": what others bought with the cart's products. */
    ItemsRecommendationsResponse boughtTogether(List<UUID> cart, UUID userId, int limit) {
        return cached(
                userId,
                itemsKey(cart, userId),
                "bought_together",
                limit,
                cart,
                ItemsRecommendationsResponse.class,
                (trained, inForce) -> computeBoughtTogether(trained, inForce, cart, userId, limit));
    }

    /** Checkout upsell: pricier products of the same categories as the cart's, the most profitable first. */
    ItemsRecommendationsResponse upsell(List<UUID> cart, UUID userId, int limit) {
        return cached(
                userId,
                itemsKey(cart, userId),
                "upsell",
                limit,
                cart,
                ItemsRecommendationsResponse.class,
                (trained, inForce) -> computeUpsell(trained, inForce, cart, userId, limit));
    }

    /**
     * After a purchase: what customers who bought the same products bought in other categories. The
     * purchase is the given products, or without them everything the user has bought.
     */
    UserRecommendationsResponse crossSell(UUID userId, List<UUID> purchase, int limit) {
        return cached(
                userId,
                RecommendationCache.userKey(userId),
                "cross_sell",
                limit,
                purchase,
                UserRecommendationsResponse.class,
                (trained, inForce) -> computeCrossSell(trained, inForce, userId, purchase, limit));
    }

    /** The recovery list of the user's last abandoned cart: its products still available, then complements. */
    CartRecoveryResponse cartRecovery(UUID userId, int limit) {
        return cached(
                userId,
                RecommendationCache.userKey(userId),
                "cart_recovery",
                limit,
                List.of(),
                CartRecoveryResponse.class,
                (trained, inForce) -> computeCartRecovery(trained, inForce, userId, limit));
    }

    /**
     * "For you" lists of many users at once, for e-mail campaigns; each list is cached as the user's own. How
     * many users one batch may name is a constraint of {@link BatchRecommendationsRequest}.
     */
    BatchRecommendationsResponse batch(Collection<UUID> userIds, int limit, IntConsumer progress) {
        List<UserRecommendationsResponse> lists = new ArrayList<>(userIds.size());
        int done = 0;
        for (UUID userId : new LinkedHashSet<>(userIds)) {
            lists.add(forUser(userId, limit));
            progress.accept(++done * 100 / userIds.size());
        }
        return new BatchRecommendationsResponse(lists.size(), lists);
    }

    @Override
    public List<Product> similarTo(UUID productId, int limit) {
        List<RecommendedProductResponse> similar = similar(productId, limit).recommendations();
        Map<UUID, Product> byId = products.findAll(
                similar.stream().map(RecommendedProductResponse::productId).toList());
        return similar.stream()
                .map(item -> byId.get(item.productId()))
                .filter(Objects::nonNull)
                .toList();
    }

    // after commit, so a list computed after the clearing reads the changed behaviour; one computed before it is
    // refused by the new generation the clearing gave the hash
    @TransactionalEventListener(fallbackExecution = true)
    void onUserBehaviourChanged(UserBehaviourChanged event) {
        cache.clear(RecommendationCache.userKey(event.userId()), properties.cacheTtl());
    }

    // after commit, as for a change of behaviour: every list computed before shows or ranks the product as it was
    @TransactionalEventListener(fallbackExecution = true)
    void onProductListingChanged(ProductListingChanged event) {
        cache.changeCatalog();
    }

    private UserRecommendationsResponse computeForUser(
            TrainedModels trained, BusinessRules inForce, UUID userId, int limit) {
        Instant now = clock.instant();
        UserHistory history = interactions.historyOf(userId, now);
        Map<String, Double> interest = asStrings(history.weights());
        List<String> recent = history.recent().stream().map(UUID::toString).toList();
        Map<String, List<ScoredItem>> sources = ModelSources.forUser(
                trained, interest, recent, interactions.countryOf(userId), Set.of(), properties.candidatePool());
        if (history.weights().size() < properties.coldStartInteractions()) {
            sources.put(
                    ModelSources.CATEGORY_POPULARITY,
                    categoryFavourites(trained, history.weights().keySet()));
        }
        Context context = context(Set.of(), history.purchased(), inForce);
        List<Scored> chosen = finish(
                blend(sources, forUserWeights(trained, !history.isEmpty())),
                context,
                limit,
                properties.minCategoryShare(),
                true);
        return new UserRecommendationsResponse(userId, trained.version(), now, responses(chosen));
    }

    private SimilarProductsResponse computeSimilar(
            TrainedModels trained, BusinessRules inForce, UUID productId, int limit) {
        Product product = products.find(productId).orElseThrow(() -> new ProductNotFoundException(productId));
        Set<String> self = Set.of(productId.toString());
        Map<String, List<ScoredItem>> sources =
                ModelSources.similarTo(trained, productId.toString(), self, properties.candidatePool());
        // a product nobody has interacted with yet is still similar to the favourites of its own category
        if (product.category() != null) {
            sources.put(
                    ModelSources.CATEGORY_POPULARITY,
                    trained.popularity().topInCategory(product.category(), self, properties.candidatePool()));
        }
        Context context = context(Set.of(productId), Set.of(), inForce);
        List<Scored> chosen = finish(blend(sources), context, limit, 0, false);
        return new SimilarProductsResponse(productId, trained.version(), clock.instant(), responses(chosen));
    }

    private ItemsRecommendationsResponse computeBoughtTogether(
            TrainedModels trained, BusinessRules inForce, List<UUID> cart, UUID userId, int limit) {
        Set<String> inCart = asStrings(cart);
        Map<String, Double> basket = new HashMap<>();
        inCart.forEach(id -> basket.put(id, 1.0));
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        sources.put(ModelSources.ITEM_CF, trained.itemCf().recommend(basket, inCart, properties.candidatePool()));
        sources.put(ModelSources.CATEGORY_POPULARITY, categoryFavourites(trained, cart));
        Context context = context(Set.copyOf(cart), purchasesOf(userId), inForce);
        List<Scored> chosen = finish(blend(sources), context, limit, 0, false);
        return new ItemsRecommendationsResponse(cart, userId, trained.version(), clock.instant(), responses(chosen));
    }

    private ItemsRecommendationsResponse computeUpsell(
            TrainedModels trained, BusinessRules inForce, List<UUID> cart, UUID userId, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        for (Product item : products.findAll(cart).values()) {
            if (item.category() == null) {
                continue;
            }
            List<Product> pricier =
                    products.pricierInCategory(item.category(), item.price(), properties.candidatePool());
            // the repository orders by margin, then the smallest step up in price: rank is the score
            for (int rank = 0; rank < pricier.size(); rank++) {
                candidates.add(new Candidate(
                        pricier.get(rank).productId().toString(),
                        (double) (pricier.size() - rank) / pricier.size(),
                        UPSELL));
            }
        }
        Context context = context(Set.copyOf(cart), purchasesOf(userId), inForce);
        List<Scored> chosen = finish(candidates, context, limit, 0, false);
        return new ItemsRecommendationsResponse(cart, userId, trained.version(), clock.instant(), responses(chosen));
    }

    private UserRecommendationsResponse computeCrossSell(
            TrainedModels trained, BusinessRules inForce, UUID userId, List<UUID> purchase, int limit) {
        Instant now = clock.instant();
        UserHistory history = interactions.historyOf(userId, now);
        Set<UUID> anchor = purchase.isEmpty() ? history.purchased() : Set.copyOf(purchase);
        Set<String> bought = asStrings(anchor);
        Map<String, Double> basket = new HashMap<>();
        bought.forEach(id -> basket.put(id, 1.0));
        Set<String> boughtCategories = new HashSet<>();
        products.findAll(anchor).values().forEach(p -> boughtCategories.add(Objects.toString(p.category(), "")));

        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        sources.put(ModelSources.ITEM_CF, trained.itemCf().recommend(basket, bought, properties.candidatePool()));
        sources.put(ModelSources.POPULARITY, trained.popularity().top(bought, properties.candidatePool()));
        Context context = context(anchor, history.purchased(), inForce);
        // complementary means another category than the purchase's
        List<Candidate> candidates = blend(sources);
        Map<UUID, Product> found = products.findAll(ids(candidates));
        List<Candidate> complementary = candidates.stream()
                .filter(c -> {
                    Product p = found.get(UUID.fromString(c.itemId()));
                    return p != null && !boughtCategories.contains(Objects.toString(p.category(), ""));
                })
                .toList();
        List<Scored> chosen = finish(complementary, context, limit, properties.minCategoryShare(), false);
        return new UserRecommendationsResponse(userId, trained.version(), now, responses(chosen));
    }

    private CartRecoveryResponse computeCartRecovery(
            TrainedModels trained, BusinessRules inForce, UUID userId, int limit) {
        AbandonedCart cart =
                interactions.abandonedCartOf(userId).orElseThrow(() -> new NoAbandonedCartException(userId));
        Set<UUID> bought = purchasesOf(userId);
        List<Candidate> candidates = new ArrayList<>();
        // the cart's own products lead: completing the purchase is the point of the list
        cart.productIds().forEach(id -> candidates.add(new Candidate(id.toString(), 1_000.0, ABANDONED_CART)));
        Set<String> inCart = asStrings(cart.productIds());
        Map<String, Double> basket = new HashMap<>();
        inCart.forEach(id -> basket.put(id, 1.0));
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        sources.put(ModelSources.ITEM_CF, trained.itemCf().recommend(basket, inCart, properties.candidatePool()));
        sources.put(ModelSources.CATEGORY_POPULARITY, categoryFavourites(trained, cart.productIds()));
        candidates.addAll(blend(sources));
        List<Scored> chosen = finish(candidates, context(Set.of(), bought, inForce), limit, 0, false);
        return new CartRecoveryResponse(
                userId, cart.abandonedAt(), trained.version(), clock.instant(), responses(chosen));
    }

    /** Re-ranks candidates into the final list; {@code topUp} fills a short list with the newest products. */
    private List<Scored> finish(
            List<Candidate> candidates, Context context, int limit, double categoryShare, boolean topUp) {
        List<Pin> pins = new ArrayList<>();
        Set<UUID> wanted = new HashSet<>(ids(candidates));
        context.rules().pins().forEach(pin -> wanted.add(pin.productId()));
        Map<UUID, Product> found = products.findAll(wanted);
        List<Scored> eligible = Reranker.eligible(candidates, found, context);
        if (topUp && eligible.size() < limit) {
            Set<UUID> taken = new HashSet<>(context.exclude());
            taken.addAll(context.bought());
            eligible.forEach(s -> taken.add(s.product().productId()));
            List<Candidate> newest = new ArrayList<>();
            Map<UUID, Product> arrivals = new HashMap<>();
            for (Product product : products.newestInStock(limit + taken.size())) {
                if (!taken.contains(product.productId())) {
                    newest.add(new Candidate(product.productId().toString(), 0.0, ModelSources.NEW_ARRIVALS));
                    arrivals.put(product.productId(), product);
                }
            }
            eligible.addAll(Reranker.eligible(newest, arrivals, context));
        }
        for (BusinessRule pin : context.rules().pins()) {
            Product product = found.get(pin.productId());
            if (product != null && context.admits(product)) {
                pins.add(new Pin(pin.position(), new Scored(product, 0.0, Reranker.PINNED)));
            }
        }
        return Reranker.arrange(eligible, pins, limit, categoryShare);
    }

    /**
     * The learned weights of the version in service for a customer with or without history; sources the
     * learning does not see (category popularity) keep their configured weight beside them.
     */
    private Map<String, Double> forUserWeights(TrainedModels trained, boolean hasHistory) {
        if (!trained.blend().learned()) {
            return weights;
        }
        Map<String, Double> learned = new HashMap<>(trained.blend().forCustomer(hasHistory));
        learned.put(ModelSources.CATEGORY_POPULARITY, weights.getOrDefault(ModelSources.CATEGORY_POPULARITY, 0.0));
        return learned;
    }

    /** Blends the sources by the configured weights; each product is credited to the source adding most. */
    private List<Candidate> blend(Map<String, List<ScoredItem>> sources) {
        return blend(sources, weights);
    }

    private List<Candidate> blend(Map<String, List<ScoredItem>> sources, Map<String, Double> weights) {
        List<ScoredItem> blended = Ensemble.blend(sources, weights, properties.candidatePool());
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, Double> bestShare = new HashMap<>();
        sources.forEach((source, list) -> {
            double weight = weights.getOrDefault(source, 0.0);
            for (ScoredItem item : Ensemble.normalise(list, Ensemble.Normalisation.RANK)) {
                double share = weight * item.score();
                if (share > bestShare.getOrDefault(item.itemId(), -1.0)) {
                    bestShare.put(item.itemId(), share);
                    sourceOf.put(item.itemId(), source);
                }
            }
        });
        return blended.stream()
                .map(item -> new Candidate(item.itemId(), item.score(), sourceOf.get(item.itemId())))
                .toList();
    }

    /** The popular products of the categories of the given products: cold start for users and products. */
    private List<ScoredItem> categoryFavourites(TrainedModels trained, Collection<UUID> seen) {
        if (seen.isEmpty()) {
            return List.of();
        }
        Set<String> exclude = asStrings(seen);
        Set<String> categories = new LinkedHashSet<>();
        products.findAll(seen).values().stream()
                .map(Product::category)
                .filter(Objects::nonNull)
                .forEach(categories::add);
        List<ScoredItem> favourites = new ArrayList<>();
        for (String category : categories) {
            favourites.addAll(trained.popularity().topInCategory(category, exclude, properties.candidatePool()));
        }
        favourites.sort((a, b) -> Double.compare(b.score(), a.score()));
        return favourites;
    }

    private Set<UUID> purchasesOf(UUID userId) {
        return userId == null
                ? Set.of()
                : interactions.historyOf(userId, clock.instant()).purchased();
    }

    private Context context(Set<UUID> exclude, Set<UUID> bought, BusinessRules inForce) {
        return new Context(exclude, bought, properties::isConsumable, inForce, properties.marginBoost());
    }

    /**
     * A surface's list from the cache, or computed on the models and rules in force now and cached. A cached list
     * is served without the products sold out since it was computed (stock moves far more often than a list is
     * recomputed); they are in it again once back in stock. Which are sold out is known in memory, within the
     * staleness bound of {@link SoldOutProducts}, so a cached list is served without a query. The lists of a customer
     * erased here whose cached lists are still to be dropped ({@link ErasedCustomerLists}) are computed every time.
     *
     * @param customerId whose behaviour the list is computed from, null for lists of no customer
     */
    private <T extends RecommendationList<T>> T cached(
            UUID customerId,
            String key,
            String surface,
            int limit,
            List<UUID> items,
            Class<T> type,
            BiFunction<TrainedModels, BusinessRules, T> compute) {
        TrainedModels trained = models.current();
        BusinessRules inForce = rules.inForce();
        if (customerId != null && !erasedLists.cacheable(customerId)) {
            return compute.apply(trained, inForce);
        }
        String field = field(surface, trained, inForce, limit, items);
        // read before anything the list is computed from: a clearing or a catalog change after this refuses the list
        Optional<RecommendationCache.Lookup<T>> lookup = cache.lookup(key, field, type);
        Optional<T> cached = lookup.flatMap(RecommendationCache.Lookup::cached);
        if (cached.isPresent()) {
            return inStockOnly(cached.get());
        }
        T fresh = compute.apply(trained, inForce);
        lookup.ifPresent(read -> cache.put(key, read, field, fresh, properties.cacheTtl()));
        return fresh;
    }

    private <T extends RecommendationList<T>> T inStockOnly(T list) {
        Set<UUID> left = soldOut.among(list.recommendations().stream()
                .map(RecommendedProductResponse::productId)
                .toList());
        if (left.isEmpty()) {
            return list;
        }
        return list.withRecommendations(list.recommendations().stream()
                .filter(item -> !left.contains(item.productId()))
                .toList());
    }

    /** A cache field names everything a list depends on besides the user's behaviour. */
    private static String field(
            String surface, TrainedModels trained, BusinessRules inForce, int limit, List<UUID> items) {
        String field = surface + ":" + trained.version() + ":" + inForce.fingerprint() + ":" + limit;
        return items.isEmpty() ? field : field + ":" + itemsHash(items);
    }

    // lists of a user's cart live in the user's hash, so a change of behaviour drops them too
    private static String itemsKey(List<UUID> items, UUID userId) {
        return userId != null ? RecommendationCache.userKey(userId) : RecommendationCache.itemsKey(itemsHash(items));
    }

    private static String itemsHash(List<UUID> items) {
        String joined =
                String.join(",", items.stream().map(UUID::toString).sorted().toList());
        return UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<UUID> ids(List<Candidate> candidates) {
        return candidates.stream().map(c -> UUID.fromString(c.itemId())).toList();
    }

    private static Set<String> asStrings(Collection<UUID> ids) {
        Set<String> strings = new HashSet<>();
        ids.forEach(id -> strings.add(id.toString()));
        return strings;
    }

    private static Map<String, Double> asStrings(Map<UUID, Double> weights) {
        Map<String, Double> strings = new HashMap<>();
        weights.forEach((id, weight) -> strings.put(id.toString(), weight));
        return strings;
    }

    private static List<RecommendedProductResponse> responses(List<Scored> chosen) {
        return chosen.stream()
                .map(s -> RecommendedProductResponse.of(s.product(), s.score(), s.source()))
                .toList();
    }
}
