package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.LinearBidPolicy;
import com.agentfactory.ad.policy.RlbBidPolicy;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a logged auction file against the bidding policies and prints, per policy and part of the log, auctions,
 * impressions, clicks, cost, win rate, CPM and eCPC as one JSON object on the last line.
 *
 * <p>The log is split at an episode boundary into a first half (Lin's b0 grid search and the DQN's training see only
 * it, plus the training statistics) and a second half (held out); "all" replays the whole log, the protocol of the
 * published results. Each episode has N auctions and budget B = c0 x N x cost_train / imp_train.
 */
public final class AuctionSimulatorCommand {

    private AuctionSimulatorCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            SimulatorOptions options = SimulatorOptions.parse(args);
            Map<String, Object> summary = simulate(options, out);
            out.println(JsonMapper.builder().build().writeValueAsString(summary));
            return 0;
        } catch (SimulationInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static Map<String, Object> simulate(SimulatorOptions options, PrintStream out) {
        CampaignStatistics training = CampaignStatisticsReader.read(options.stats());
        AuctionLog log = AuctionLog.read(options.log());
        int episode = options.episode();
        long budget = training.budget(episode, options.c0());
        int split = splitPoint(log.size(), episode);
        AuctionLog firstHalf = log.slice(0, split);
        AuctionLog secondHalf = log.slice(split, log.size());
        AuctionReplay replay = new AuctionReplay(episode, budget);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("log_auctions", log.size());
        summary.put("episode", episode);
        summary.put("c0", options.c0());
        summary.put("budget", budget);
        summary.put("first_half_auctions", split);
        summary.put("seed", options.seed());
        Map<String, Object> results = new LinkedHashMap<>();
        RlbBidPolicy rlb = null;
        for (String name : options.policies()) {
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
                    rlb = rlb == null ? RlbBidPolicy.forPeriod(training, episode, budget) : rlb;
                    policy = DqnTraining.train(rlb, training, firstHalf, episode, budget, options, details, out);
                }
                default -> throw new SimulationInputException("unknown policy " + name);
            }
            details.put("prepare_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            for (String part : options.parts()) {
                AuctionLog partLog =
                        switch (part) {
                            case "first" -> firstHalf;
                            case "second" -> secondHalf;
                            default -> log;
                        };
                ReplayResult result = replay.run(policy, partLog);
                details.put(part, result.toJson());
                out.printf(
                        "%-4s %-6s auctions %7d impressions %6d clicks %4d cost %9d%n",
                        name, part, result.auctions(), result.impressions(), result.clicks(), result.cost());
            }
            results.put(name, details);
        }
        summary.put("policies", results);
        return summary;
    }

    /** The first half ends at an episode boundary (half the whole episodes), so no episode straddles the split. */
    static int splitPoint(int auctions, int episode) {
        int wholeEpisodes = auctions / episode;
        return wholeEpisodes >= 2 ? (wholeEpisodes / 2) * episode : auctions / 2;
    }
}
