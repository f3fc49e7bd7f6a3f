package com.agentfactory.recommendation.model;

import com.agentfactory.recommendation.interaction.DecayedInteraction;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Whether a retrained set of models replaces the one in service. Both are scored on the same held-out products:
 * each customer's latest product where the models in service never saw it (it came after every interaction they
 * were trained on), the candidate trained without it as {@link LeaveLastOut} does. A shift in what customers do
 * then moves both scores alike, and the {@link PromotionRule} compares two sets of models, not one set's scores
 * now with the other's on the data of its own day (which kept out every retraining after a shift). Models in
 * service that were trained on a customer of whom nothing is stored now (an erasure) are replaced whatever the
 * scores: keeping them would keep the erased customer's interactions in service.
 */
final class PromotionGate {

    private final PromotionRule rule;

    PromotionGate(PromotionRule rule) {
        this.rule = rule;
    }

    /**
     * The models in service as the gate needs them: their hold-out view, the time of the latest interaction they
     * were trained on, and their customers (as sorted 64-bit fingerprints: a few bytes each, however many).
     */
    static final class InService {

        static final InService NONE = new InService(Map.of(), Instant.MIN, new long[0]);

        private final Map<String, LeaveLastOut.Recommender> recommenders;
        private final Instant seenUpTo;
        private final long[] customers;

        private InService(Map<String, LeaveLastOut.Recommender> recommenders, Instant seenUpTo, long[] customers) {
            this.recommenders = recommenders;
            this.seenUpTo = seenUpTo;
            this.customers = customers;
        }

        /** Models trained on {@code trainedOn} (oldest first), as {@code recommenders} score them. */
        static InService of(Map<String, LeaveLastOut.Recommender> recommenders, List<DecayedInteraction> trainedOn) {
            Instant seenUpTo =
                    trainedOn.isEmpty() ? Instant.MIN : trainedOn.getLast().occurredAt();
            return new InService(recommenders, seenUpTo, fingerprints(trainedOn));
        }
    }

    /** The candidate's hold-out metrics (stored with the version) and the decision. */
    record Result(Map<String, Object> holdout, PromotionRule.Decision decision) {}

    /**
     * @param stored every stored interaction, oldest first, the candidate is trained on
     * @param signals the same interactions as the models take them
     * @param trainer trains the candidate's models on a split of the signals
     */
    Result decide(
            List<DecayedInteraction> stored,
            List<Signal> signals,
            Function<List<Signal>, Map<String, LeaveLastOut.Recommender>> trainer,
            InService inService) {
        if (inService == InService.NONE) {
            return new Result(
                    LeaveLastOut.evaluate(signals, trainer), new PromotionRule.Decision(true, "no model in service"));
        }
        Map<UUID, Instant> latestFirstSeen = latestProductFirstSeen(stored);
        LeaveLastOut.Comparison comparison =
                LeaveLastOut.compare(signals, trainer, inService.recommenders, customer -> latestFirstSeen
                        .get(UUID.fromString(customer))
                        .isAfter(inService.seenUpTo));
        if (!storedStillHoldsAll(inService.customers, fingerprints(stored))) {
            return new Result(
                    comparison.metrics(),
                    new PromotionRule.Decision(
                            true,
                            "the models in service were trained on customers of whom nothing is stored now"
                                    + " (erased): replaced whatever the hold-out says"));
        }
        PromotionRule.Decision decision = rule.decide(comparison.candidate(), comparison.baseline());
        return new Result(
                comparison.metrics(),
                new PromotionRule.Decision(
                        decision.promoted(),
                        decision.reason() + "; both scored on the "
                                + comparison.candidate().get("holdout_users")
                                + " held-out products the models in service never saw"));
    }

    /**
     * When each customer first interacted with their latest product: the product {@link LeaveLastOut} holds out
     * is one the models in service never saw only if all of the customer's interactions with it came after them.
     */
    private static Map<UUID, Instant> latestProductFirstSeen(List<DecayedInteraction> stored) {
        Map<UUID, UUID> latest = new HashMap<>();
        stored.forEach(interaction -> latest.put(interaction.userId(), interaction.productId()));
        Map<UUID, Instant> firstSeen = new HashMap<>();
        for (DecayedInteraction interaction : stored) {
            if (interaction.productId().equals(latest.get(interaction.userId()))) {
                firstSeen.putIfAbsent(interaction.userId(), interaction.occurredAt());
            }
        }
        return firstSeen;
    }

    private static long[] fingerprints(List<DecayedInteraction> interactions) {
        return interactions.stream()
                .map(DecayedInteraction::userId)
                .mapToLong(customer -> customer.getMostSignificantBits() ^ customer.getLeastSignificantBits())
                .distinct()
                .sorted()
                .toArray();
    }

    private static boolean storedStillHoldsAll(long[] trainedOn, long[] stored) {
        for (long customer : trainedOn) {
            if (Arrays.binarySearch(stored, customer) < 0) {
                return false;
            }
        }
        return true;
    }
}
