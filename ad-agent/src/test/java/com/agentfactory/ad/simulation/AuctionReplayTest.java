package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.BidState;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AuctionReplayTest {

    /** Bids 6, or the budget left when less. */
    private static final BidPolicy BIDS_SIX = new BidPolicy() {
        @Override
        public String name() {
            return "six";
        }

        @Override
        public long bid(BidState state) {
            return Math.min(6, state.remainingBudget());
        }
    };

    @Test
    void winsAtLeastTheMarketPricePaysItAndResetsTheBudgetEachEpisode() throws IOException {
        AuctionLog log = AuctionLog.parse(new StringReader("""
                1 5 0.5
                0 4 0.1
                1 7 0.5
                1 6 0.5
                0 0 0.2
                """), "test");

        ReplayResult result = new AuctionReplay(2, 10).run(BIDS_SIX, log);

        // episode 1: wins 5 (click), bids the 5 left and wins 4; episode 2: loses 7, wins 6 (click); then wins 0
        assertThat(result).isEqualTo(new ReplayResult(5, 4, 2, 15));
        assertThat(result.winRate()).isEqualTo(0.8);
        assertThat(result.cpm()).isEqualTo(3.75);
        assertThat(result.ecpc()).isEqualTo(0.0075);
    }

    @Test
    void aPolicyThatCannotPayIsNeverCharged() throws IOException {
        AuctionLog log = AuctionLog.parse(new StringReader("1 3 0.5\n1 3 0.5\n"), "test");

        ReplayResult result = new AuctionReplay(2, 0).run(BIDS_SIX, log);

        assertThat(result).isEqualTo(new ReplayResult(2, 0, 0, 0));
    }
}
