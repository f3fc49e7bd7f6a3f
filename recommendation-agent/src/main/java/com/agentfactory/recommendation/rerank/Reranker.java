package com.agentfactory.recommendation.rerank;

import com.agentfactory.recommendation.catalog.Product;
import com.agentfactory.recommendation.rule.BusinessRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The re-ranking every list goes through: drops what must never be shown (unknown, out of stock, excluded,
 * blocked, or bought and not consumable), lifts scores by margin and boost rules, then arranges the list:
 * enough distinct categories, and pinned products at their positions.
 */
public final class Reranker {

    public static final String PINNED = "pinned";

    /** A product proposed by a source, with its blended score. */
    public record Candidate(String itemId, double score, String source) {}

    /** A product that may be shown, with its final score. */
    public record Scored(Product product, double score, String source) {}

    /** A product pinned at a 1-based position. */
    public record Pin(int position, Scored scored) {}

    /** What a list must respect beyond its candidates' scores. */
    public record Context(
            Set<UUID> exclude,
            Set<UUID> bought,
            Predicate<String> consumable,
            BusinessRules rules,
            double marginBoost) {

        public boolean admits(Product product) {
            return product.inStock()
                    && !exclude.contains(product.productId())
                    && !rules.blocked().contains(product.productId())
                    && (!bought.contains(product.productId()) || consumable.test(product.category()));
        }
    }

    private Reranker() {}

    /** The candidates that may be shown, rescored and best first; each product once. */
    public static List<Scored> eligible(List<Candidate> candidates, Map<UUID, Product> products, Context context) {
        List<Scored> eligible = new ArrayList<>(candidates.size());
        Set<UUID> seen = new HashSet<>();
        for (Candidate candidate : candidates) {
            Product product = products.get(UUID.fromString(candidate.itemId()));
            if (product == null || !context.admits(product) || !seen.add(product.productId())) {
                continue;
            }
            double score = candidate.score()
                    * (1 + context.marginBoost() * product.marginRate())
                    * context.rules().boostOf(product.productId());
            eligible.add(new Scored(product, score, candidate.source()));
        }
        // stable: candidates of equal score keep the order their sources gave them
        eligible.sort(Comparator.comparingDouble(Scored::score).reversed());
        return eligible;
    }

    /** The final list: diversified to the category share where the candidates allow, pins placed last. */
    public static List<Scored> arrange(List<Scored> eligible, List<Pin> pins, int limit, double minCategoryShare) {
        List<Pin> placed = pins.stream().limit(limit).toList();
        Set<UUID> pinned = new HashSet<>();
        placed.forEach(pin -> pinned.add(pin.scored().product().productId()));
        List<Scored> rest = eligible.stream()
                .filter(s -> !pinned.contains(s.product().productId()))
                .toList();
        List<Scored> chosen = new ArrayList<>(DiversityReranker.rerank(
                rest, limit - placed.size(), minCategoryShare, s -> s.product().category()));
        for (Pin pin : placed) {
            chosen.add(Math.min(pin.position() - 1, chosen.size()), pin.scored());
        }
        return chosen.size() > limit ? chosen.subList(0, limit) : chosen;
    }
}
