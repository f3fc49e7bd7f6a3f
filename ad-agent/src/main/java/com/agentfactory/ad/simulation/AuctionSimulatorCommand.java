package com.agentfactory.ad.simulation;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a logged auction file against the bidding policies and prints, per policy and part of the log, auctions,
 * impressions, clicks, cost, win rate, CPM and eCPC as one JSON object on the last line. The protocol (halves,
 * episodes, budget) is {@link PolicyComparison}'s, the same as the runs requested over the API.
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
        AuctionMarket market =
                new AuctionMarket(CampaignStatisticsReader.read(options.stats()), AuctionLog.read(options.log()));
        PolicyComparison.Comparison comparison = PolicyComparison.run(
                market,
                options.episode(),
                options.c0(),
                options.policies(),
                options.parts(),
                (rlb, training, firstHalf, episode, budget, details) -> DqnTraining.train(
                        new DqnTraining.Inputs(rlb, training, firstHalf, episode, budget, options, out), details),
                (policy, part, result) -> out.printf(
                        "%-4s %-6s auctions %7d impressions %6d clicks %4d cost %9d%n",
                        policy, part, result.auctions(), result.impressions(), result.clicks(), result.cost()));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("log_auctions", comparison.logAuctions());
        summary.put("episode", comparison.episode());
        summary.put("c0", comparison.c0());
        summary.put("budget", comparison.budget());
        summary.put("first_half_auctions", comparison.firstHalfAuctions());
        summary.put("seed", options.seed());
        Map<String, Object> results = new LinkedHashMap<>();
        for (PolicyComparison.PolicyOutcome outcome : comparison.policies()) {
            Map<String, Object> details = new LinkedHashMap<>(outcome.details());
            outcome.parts().forEach((part, result) -> details.put(part, result.toJson()));
            results.put(outcome.policy(), details);
        }
        summary.put("policies", results);
        return summary;
    }
}
