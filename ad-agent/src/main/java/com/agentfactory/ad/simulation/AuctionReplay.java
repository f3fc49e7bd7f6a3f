package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.BidState;

/**
 * Replays a log in consecutive episodes of N auctions, each with a fresh budget B: a bid at least the market price
 * wins and pays the market price (second price); a won impression's click counts. A last, shorter episode keeps
 * budget B and counts down from N, as in the published protocol.
 */
final class AuctionReplay {

    /** Auctions the recent win rate and mean price are measured over. */
    static final int RECENT_WINDOW = 100;

    private final int episodeAuctions;
    private final long episodeBudget;

    AuctionReplay(int episodeAuctions, long episodeBudget) {
        if (episodeAuctions <= 0 || episodeBudget < 0) {
            throw new IllegalArgumentException("episode length must be positive and budget not negative");
        }
        this.episodeAuctions = episodeAuctions;
        this.episodeBudget = episodeBudget;
    }

    ReplayResult run(BidPolicy policy, AuctionLog log) {
        return run(policy, log, null);
    }

    /** Replays the whole log; {@code observer} (nullable) sees every auction, for training. */
    ReplayResult run(BidPolicy policy, AuctionLog log, AuctionObserver observer) {
        long impressions = 0;
        long clicks = 0;
        long cost = 0;
        RecentMarket recent = new RecentMarket(RECENT_WINDOW);
        int remaining = 0;
        long budget = 0;
        for (int i = 0; i < log.size(); i++) {
            if (remaining == 0) {
                remaining = episodeAuctions;
                budget = episodeBudget;
                policy.startEpisode(budget, episodeAuctions);
            }
            BidState state = new BidState(
                    budget,
                    episodeBudget,
                    remaining,
                    episodeAuctions,
                    log.pctr(i),
                    recent.winRate(),
                    recent.meanPrice());
            long bid = policy.bid(state);
            if (bid < 0 || bid > budget) {
                throw new IllegalStateException(policy.name() + " bid " + bid + " with budget " + budget);
            }
            int price = log.marketPrice(i);
            boolean won = bid >= price;
            if (won) {
                impressions++;
                budget -= price;
                cost += price;
                if (log.clicked(i)) {
                    clicks++;
                }
            }
            recent.record(won, price);
            if (observer != null) {
                observer.auction(state, bid, won, won ? price : 0, won && log.clicked(i));
            }
            remaining--;
        }
        return new ReplayResult(log.size(), impressions, clicks, cost);
    }

    /** Sees each auction's state and outcome. */
    interface AuctionObserver {
        void auction(BidState state, long bid, boolean won, long paid, boolean clicked);
    }

    /** Win rate and mean paid price over the last auctions, as a bidder could track them live. */
    private static final class RecentMarket {
        private final boolean[] wins;
        private final int[] prices;
        private int next;
        private int count;
        private int winCount;
        private long paid;

        RecentMarket(int window) {
            wins = new boolean[window];
            prices = new int[window];
        }

        void record(boolean won, int price) {
            if (count == wins.length) {
                if (wins[next]) {
                    winCount--;
                    paid -= prices[next];
                }
            } else {
                count++;
            }
            wins[next] = won;
            prices[next] = won ? price : 0;
            if (won) {
                winCount++;
                paid += price;
            }
            next = (next + 1) % wins.length;
        }

        double winRate() {
            return count == 0 ? 0 : winCount / (double) count;
        }

        double meanPrice() {
            return winCount == 0 ? 0 : paid / (double) winCount;
        }
    }
}
