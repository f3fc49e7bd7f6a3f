package com.agentfactory.recommendation.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.recommendation.catalog.Product;
import com.agentfactory.recommendation.rerank.Reranker.Candidate;
import com.agentfactory.recommendation.rerank.Reranker.Context;
import com.agentfactory.recommendation.rerank.Reranker.Pin;
import com.agentfactory.recommendation.rerank.Reranker.Scored;
import com.agentfactory.recommendation.rule.BusinessRule;
import com.agentfactory.recommendation.rule.BusinessRuleKind;
import com.agentfactory.recommendation.rule.BusinessRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RerankerTest {

    private final Map<UUID, Product> catalog = new HashMap<>();

    @Test
    void dropsWhatWasBoughtUnlessItsCategoryIsConsumable() {
        Product tv = product("tv", "electronics", "10", null, 5);
        Product coffee = product("coffee", "groceries", "10", null, 5);

        List<Scored> eligible = Reranker.eligible(
                candidates(tv, coffee),
                catalog,
                context(Set.of(tv.productId(), coffee.productId()), BusinessRules.of(List.of()), 0));

        assertThat(ids(eligible)).containsExactly(coffee.productId());
    }

    @Test
    void dropsProductsOutOfStockAndBlockedOnes() {
        Product soldOut = product("sold out", "a", "10", null, 0);
        Product blocked = product("blocked", "a", "10", null, 5);
        Product shown = product("shown", "a", "10", null, null);
        BusinessRules rules = BusinessRules.of(List.of(rule(BusinessRuleKind.BLOCK, blocked, null, null)));

        List<Scored> eligible =
                Reranker.eligible(candidates(soldOut, blocked, shown), catalog, context(Set.of(), rules, 0));

        assertThat(ids(eligible)).containsExactly(shown.productId());
    }

    @Test
    void liftsProfitableAndBoostedProductsAboveBetterScoredOnes() {
        Product first = product("first", "a", "100", null, 5);
        Product profitable = product("profitable", "a", "100", "80", 5);
        Product boosted = product("boosted", "a", "100", null, 5);
        BusinessRules rules =
                BusinessRules.of(List.of(rule(BusinessRuleKind.BOOST, boosted, null, new BigDecimal("3"))));
        List<Candidate> candidates = List.of(
                new Candidate(first.productId().toString(), 1.0, "item_cf"),
                new Candidate(profitable.productId().toString(), 0.9, "item_cf"),
                new Candidate(boosted.productId().toString(), 0.5, "item_cf"));

        List<Scored> eligible = Reranker.eligible(candidates, catalog, context(Set.of(), rules, 0.5));

        assertThat(ids(eligible)).containsExactly(boosted.productId(), profitable.productId(), first.productId());
    }

    @Test
    void placesPinnedProductsAtTheirPositions() {
        List<Scored> eligible = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            eligible.add(new Scored(product("p" + i, "a", "10", null, 5), 1.0 - i * 0.1, "item_cf"));
        }
        Scored pinned = new Scored(product("pinned", "b", "10", null, 5), 0, Reranker.PINNED);

        List<Scored> list = Reranker.arrange(eligible, List.of(new Pin(2, pinned)), 4, 0);

        assertThat(list).hasSize(4);
        assertThat(list.get(1)).isEqualTo(pinned);
        assertThat(list.getFirst()).isEqualTo(eligible.getFirst());
    }

    private Context context(Set<UUID> bought, BusinessRules rules, double marginBoost) {
        return new Context(Set.of(), bought, "groceries"::equals, rules, marginBoost);
    }

    private Product product(String name, String category, String price, String margin, Integer stock) {
        Product product = new Product(
                UUID.randomUUID(),
                "SKU-" + name,
                name,
                null,
                category,
                new BigDecimal(price),
                "EUR",
                margin == null ? null : new BigDecimal(margin),
                stock,
                null,
                Instant.now());
        catalog.put(product.productId(), product);
        return product;
    }

    private static BusinessRule rule(BusinessRuleKind kind, Product product, Integer position, BigDecimal boost) {
        return new BusinessRule(UUID.randomUUID(), kind, product.productId(), position, boost, Instant.now());
    }

    private static List<Candidate> candidates(Product... products) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            candidates.add(new Candidate(products[i].productId().toString(), 1.0 - i * 0.1, "item_cf"));
        }
        return candidates;
    }

    private static List<UUID> ids(List<Scored> scored) {
        return scored.stream().map(s -> s.product().productId()).toList();
    }
}
