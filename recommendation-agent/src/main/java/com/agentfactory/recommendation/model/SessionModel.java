package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Session-based next item: how often, across users' interaction sequences, one item was followed within
 * the next few steps by another, nearer steps counting more (1 / distance). A first-order transition model
 * is the strong simple baseline of the session-recommendation literature and needs no library; for a
 * recent sequence the transitions of its last items are summed, the latest item weighing most.
 */
public final class SessionModel {

    private final Map<String, List<ScoredItem>> next;

    private SessionModel(Map<String, List<ScoredItem>> next) {
        this.next = next;
    }

    /**
     * @param signals oldest first; each user's signals in that order form their sequence
     * @param window how many following steps count as "next"
     */
    public static SessionModel train(List<Signal> signals, int window, int maxNext) {
        Map<String, List<String>> sequences = new HashMap<>();
        for (Signal signal : signals) {
            List<String> sequence = sequences.computeIfAbsent(signal.userId(), u -> new ArrayList<>());
            // repeated views of one product are one step
            if (sequence.isEmpty() || !sequence.getLast().equals(signal.itemId())) {
                sequence.add(signal.itemId());
            }
        }
        Map<String, Map<String, Double>> counts = new HashMap<>();
        for (List<String> sequence : sequences.values()) {
            for (int from = 0; from < sequence.size(); from++) {
                for (int to = from + 1; to < Math.min(sequence.size(), from + 1 + window); to++) {
                    if (!sequence.get(to).equals(sequence.get(from))) {
                        counts.computeIfAbsent(sequence.get(from), i -> new HashMap<>())
                                .merge(sequence.get(to), 1.0 / (to - from), Double::sum);
                    }
                }
            }
        }
        Map<String, List<ScoredItem>> next = new HashMap<>();
        counts.forEach((item, followers) -> next.put(item, ItemCfModel.top(followers, maxNext)));
        return new SessionModel(next);
    }

    /** The items most often seen right after {@code itemId}. */
    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        return next.getOrDefault(itemId, List.of()).stream()
                .filter(item -> !exclude.contains(item.itemId()))
                .limit(n)
                .toList();
    }

    /** Next items for a recent sequence, oldest first; the last item counts fully, earlier ones halve each step back. */
    public List<ScoredItem> next(List<String> recentItems, Set<String> exclude, int n) {
        Map<String, Double> scores = new HashMap<>();
        double weight = 1.0;
        for (int position = recentItems.size() - 1; position >= 0 && weight > 1e-3; position--, weight /= 2) {
            double stepWeight = weight;
            for (ScoredItem follower : next.getOrDefault(recentItems.get(position), List.of())) {
                if (!exclude.contains(follower.itemId())) {
                    scores.merge(follower.itemId(), stepWeight * follower.score(), Double::sum);
                }
            }
        }
        return ItemCfModel.top(scores, n);
    }

    public int itemCount() {
        return next.size();
    }
}
