package com.agentfactory.ad.policy;

import java.util.List;

/**
 * A DQN-adjusted RLB policy: every period is cut into {@link #SEGMENTS} segments and, at the start of each, a
 * Q-network picks a multiplier (the action) for the RLB bid of the segment's auctions, in the spirit of the
 * lambda-adjusting agent of Wu et al. (CIKM 2018) over the Cai et al. base bid. The state: share of the period's
 * auctions still to come, share of its budget left, pacing ratio, recent win rate and paid price, the last
 * segment's mean pCTR against the campaign average, and the current multiplier.
 *
 * <p>Keeps the current segment and multiplier, so one instance serves one budget period at a time.
 */
public final class DqnBidPolicy implements BidPolicy {

    /** Decision points per period. */
    public static final int SEGMENTS = 10;

    /** Multipliers of the RLB bid the network chooses from. */
    public static final List<Double> MULTIPLIERS = List.of(0.75, 0.9, 1.0, 1.1, 1.25);

    public static final int FEATURES = 7;

    /** Chooses an action index from the state features. */
    @FunctionalInterface
    public interface ActionSelector {
        int select(float[] features);
    }

    private final RlbBidPolicy base;
    private final ActionSelector selector;
    private final double averageCtr;
    private final int maxPrice;
    private int segment = -1;
    private int action = MULTIPLIERS.indexOf(1.0);
    private double pctrSum;
    private int pctrCount;
    private double lastSegmentPctr;

    public DqnBidPolicy(RlbBidPolicy base, ActionSelector selector, double averageCtr) {
        this.base = base;
        this.selector = selector;
        this.averageCtr = averageCtr;
        this.maxPrice = base.valueFunction().maxBid();
    }

    /** The trained policy: the action with the highest value. */
    public static DqnBidPolicy greedy(RlbBidPolicy base, QFunction network, double averageCtr) {
        return new DqnBidPolicy(base, features -> argmax(network.actionValues(features)), averageCtr);
    }

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public void startEpisode(long budget, int auctions) {
        segment = -1;
        action = MULTIPLIERS.indexOf(1.0);
        pctrSum = 0;
        pctrCount = 0;
        lastSegmentPctr = averageCtr;
    }

    @Override
    public long bid(BidState state) {
        int current = segmentOf(state);
        if (current != segment) {
            if (pctrCount > 0) {
                lastSegmentPctr = pctrSum / pctrCount;
            }
            pctrSum = 0;
            pctrCount = 0;
            segment = current;
            action = selector.select(features(state));
        }
        pctrSum += state.pctr();
        pctrCount++;
        long rlbBid = base.bid(state);
        long adjusted = (long) (rlbBid * MULTIPLIERS.get(action));
        return Math.min(adjusted, Math.min(state.remainingBudget(), maxPrice));
    }

    /** The segment (0 .. SEGMENTS - 1) an auction falls in. */
    public static int segmentOf(BidState state) {
        int elapsed = state.periodAuctions() - state.remainingAuctions();
        return (int) Math.min(SEGMENTS - 1, Math.max(0, (long) elapsed * SEGMENTS / state.periodAuctions()));
    }

    float[] features(BidState state) {
        return new float[] {
            state.remainingAuctions() / (float) state.periodAuctions(),
            state.periodBudget() == 0 ? 0 : state.remainingBudget() / (float) state.periodBudget(),
            (float) Math.min(3, state.pacingRatio()) / 3,
            (float) state.recentWinRate(),
            (float) Math.min(1, state.recentMeanPrice() / Math.max(1, maxPrice)),
            (float) Math.min(5, lastSegmentPctr / averageCtr) / 5,
            (float) (MULTIPLIERS.get(action) - 1)
        };
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
