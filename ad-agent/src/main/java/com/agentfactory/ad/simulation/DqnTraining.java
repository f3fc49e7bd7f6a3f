package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.RlbBidPolicy;
import java.io.PrintStream;
import java.util.Map;

final class DqnTraining {
    private DqnTraining() {}

    static BidPolicy train(
            RlbBidPolicy rlb,
            CampaignStatistics training,
            AuctionLog firstHalf,
            int episode,
            long budget,
            SimulatorOptions options,
            Map<String, Object> details,
            PrintStream out) {
        throw new SimulationInputException("dqn not yet");
    }
}
