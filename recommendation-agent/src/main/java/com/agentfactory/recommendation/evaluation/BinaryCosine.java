package com.agentfactory.recommendation.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Cosine similarity of two items over who used them in the training data: the yardstick of intra-list diversity. */
final class BinaryCosine {

    private final Map<String, Set<String>> itemsByUser;
    private final Map<String, Set<String>> usersByItem;

    private BinaryCosine(Map<String, Set<String>> itemsByUser, Map<String, Set<String>> usersByItem) {
        this.itemsByUser = itemsByUser;
        this.usersByItem = usersByItem;
    }

    static BinaryCosine of(Map<String, Set<String>> itemsByUser) {
        Map<String, Set<String>> usersByItem = new HashMap<>();
        itemsByUser.forEach((user, items) -> items.forEach(
                item -> usersByItem.computeIfAbsent(item, i -> new HashSet<>()).add(user)));
        return new BinaryCosine(itemsByUser, usersByItem);
    }

    double similarity(String a, String b) {
        Set<String> usersA = usersByItem.getOrDefault(a, Set.of());
        Set<String> usersB = usersByItem.getOrDefault(b, Set.of());
        if (usersA.isEmpty() || usersB.isEmpty()) {
            return 0.0;
        }
        Set<String> smaller = usersA.size() <= usersB.size() ? usersA : usersB;
        Set<String> larger = smaller == usersA ? usersB : usersA;
        long common = smaller.stream().filter(larger::contains).count();
        return common / Math.sqrt((double) usersA.size() * usersB.size());
    }

    Map<String, Set<String>> itemsByUser() {
        return itemsByUser;
    }
}
