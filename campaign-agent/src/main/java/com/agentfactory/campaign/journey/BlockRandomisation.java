package com.agentfactory.campaign.journey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Permuted-block randomisation: the arrivals of a stratum are taken in blocks as long as the weights (reduced by
 * their greatest common divisor) add up to, and each block holds every branch exactly its weight's times in a
 * shuffled order. Every stratum's arms therefore stay within one block of the weights' proportion, which a hash
 * alone guarantees only on average. The shuffle is seeded from the split and the block, so an assignment is
 * reproducible. Written here because the statistics libraries on the classpath randomise samples, not allocations;
 * the shuffle itself is the JDK's.
 */
final class BlockRandomisation {

    private BlockRandomisation() {}

    /** The index of the branch for the arrival at {@code position} (0-based) of the stratum {@code key} names. */
    static int branchAt(List<Integer> weights, String key, long position) {
        List<Integer> block = block(weights);
        long blockNumber = position / block.size();
        UUID seed = UUID.nameUUIDFromBytes((key + "#" + blockNumber).getBytes(StandardCharsets.UTF_8));
        Collections.shuffle(
                block, new SplittableRandom(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits()));
        return block.get((int) (position % block.size()));
    }

    /** Each branch index as many times as its reduced weight. */
    static List<Integer> block(List<Integer> weights) {
        int divisor = weights.stream().reduce(0, BlockRandomisation::gcd);
        List<Integer> slots = new ArrayList<>();
        for (int branch = 0; branch < weights.size(); branch++) {
            for (int i = 0; i < weights.get(branch) / divisor; i++) {
                slots.add(branch);
            }
        }
        return slots;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
