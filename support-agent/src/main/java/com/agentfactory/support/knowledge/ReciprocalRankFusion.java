package com.agentfactory.support.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): score(d) = sum over rankings of 1 / (k + rank(d)). It needs
 * no calibration between BM25 scores and cosine similarities, which live on unrelated scales.
 */
final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {}

    record Fused(String id, double score, int[] ranks) {}

    /** Each ranking lists ids best first; the result is best first, ties broken by id for stable output. */
    static List<Fused> fuse(List<List<String>> rankings, int k) {
        Map<String, double[]> scores = new HashMap<>();
        Map<String, int[]> ranks = new HashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                String id = ranking.get(i);
                scores.computeIfAbsent(id, ignored -> new double[1])[0] += 1.0 / (k + i + 1);
                int[] idRanks = ranks.computeIfAbsent(id, ignored -> new int[rankings.size()]);
                if (idRanks[r] == 0) {
                    idRanks[r] = i + 1;
                }
            }
        }
        List<Fused> fused = new ArrayList<>();
        scores.forEach((id, score) -> fused.add(new Fused(id, score[0], ranks.get(id))));
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparing(Fused::id));
        return fused;
    }
}
