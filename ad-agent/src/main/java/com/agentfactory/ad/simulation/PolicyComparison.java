package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.LinearBidPolicy;
import com.agentfactory.ad.policy.RlbBidPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's protocol, the same for the command and for the runs requested over the API: the log is split at an
 * episode boundary into a first half (Lin's b0 grid search and the DQN's training see only it, plus the training
 * statistics) and a second half (held out); "all" replays the whole log, the protocol of the published results. Each
 * episode has N auctions and budget B = c0 x N x cost_train / imp_train.
 */
final class PolicyComparison {

    static final List<String> PARTS = List.of("first", "second", "all");

    private PolicyComparison() {}

    /** Trains the DQN on the first half; only the command offers it, as it needs the PyTorch native library. */
    @FunctionalInterface
    interface DqnTrainer {
        BidPolicy train(
                RlbBidPolicy rlb,
                CampaignStatistics training,
                AuctionLog firstHalf,
                int episode,
                long budget,
                Map<String, Object> details);
    }

    /** Sees each part as soon as it is replayed. */
    @FunctionalInterface
    interface Progress {
        void replayed(String policy, String part, ReplayResult result);
    }

    /**
     * @param details what preparing the policy found (Lin's b0, the size of RLB's value function, ...) and how long
     *     it took
     * @param parts the replayed parts in the order asked for
     */
    record PolicyOutcome(String policy, Map<String, Object> details, Map<String, ReplayResult> parts) {}

    record Comparison(
            int logAuctions,
            int episode,
            double c0,
            long budget,
            int firstHalfAuctions,
            List<PolicyOutcome> policies) {}

    /**
     * @param dqn null when the DQN cannot be trained here: asking for it is then an input error
     */
    static Comparison run(
            AuctionMarket market,
            int episode,
            double c0,
            List<String> policies,
            List<String> parts,
            DqnTrainer dqn,
            Progress progress) {
        CampaignStatistics training = market.training();
        AuctionLog log = market.log();
        long budget = training.budget(episode, c0);
        int split = splitPoint(log.size(), episode);
        AuctionLog firstHalf = log.slice(0, split);
        AuctionLog secondHalf = log.slice(split, log.size());
        AuctionReplay replay = new AuctionReplay(episode, budget);

        List<PolicyOutcome> outcomes = new ArrayList<>();
        RlbBidPolicy rlb = null;
        for (String name : policies) {
            long started = System.nanoTime();
            Map<String, Object> details = new LinkedHashMap<>();
            BidPolicy policy;
            switch (name) {
                case "lin" -> {
                    LinearBidPolicy lin = LinearBidTuner.tune(firstHalf, training, episode, budget);
                    details.put("b0", lin.baseBid());
                    policy = lin;
                }
                case "rlb" -> {
                    rlb = rlb == null ? RlbBidPolicy.forPeriod(training, episode, budget) : rlb;
                    details.put("value_function_auctions", rlb.valueFunction().tableAuctions());
                    details.put("value_function_budget", rlb.valueFunction().tableBudget());
                    policy = rlb;
                }
                case "dqn" -> {
                    if (dqn == null) {
                        throw new SimulationInputException("the dqn policy cannot be trained here");
                    }
                    rlb = rlb == null ? RlbBidPolicy.forPeriod(training, episode, budget) : rlb;
                    policy = dqn.train(rlb, training, firstHalf, episode, budget, details);
                }
                default -> throw new SimulationInputException("unknown policy " + name);
            }
            details.put("prepare_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            Map<String, ReplayResult> replayed = new LinkedHashMap<>();
            for (String part : parts) {
                AuctionLog partLog =
                        switch (part) {
                            case "first" -> firstHalf;
                            case "second" -> secondHalf;
                            default -> log;
                        };
                ReplayResult result = replay.run(policy, partLog);
                replayed.put(part, result);
                progress.replayed(name, part, result);
            }
            outcomes.add(new PolicyOutcome(name, details, replayed));
        }
        return new Comparison(log.size(), episode, c0, budget, split, outcomes);
    }

    /** The first half ends at an episode boundary (half the whole episodes), so no episode straddles the split. */
    static int splitPoint(int auctions, int episode) {
        int wholeEpisodes = auctions / episode;
        return wholeEpisodes >= 2 ? (wholeEpisodes / 2) * episode : auctions / 2;
    }
}
