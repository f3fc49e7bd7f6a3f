package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.CampaignStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads training statistics in the iPinYou RLB format (imp_train, clk_train, cost_train, price_counter_train). */
final class CampaignStatisticsReader {

    private CampaignStatisticsReader() {}

    static CampaignStatistics read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SimulationInputException("statistics file not found: " + file);
        } catch (IOException e) {
            throw new SimulationInputException("cannot read statistics file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    static CampaignStatistics parse(String json, String source) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new SimulationInputException(
                    "statistics file " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SimulationInputException("statistics file " + source + " must hold a JSON object");
        }
        JsonNode histogram = root.get("price_counter_train");
        if (histogram == null || !histogram.isArray() || histogram.isEmpty()) {
            throw new SimulationInputException(
                    "statistics file " + source + ": price_counter_train must be a non-empty array of counts");
        }
        long[] counts = new long[histogram.size()];
        for (int price = 0; price < counts.length; price++) {
            JsonNode count = histogram.get(price);
            if (!count.isIntegralNumber() || count.asLong() < 0) {
                throw new SimulationInputException("statistics file " + source + ": price_counter_train[" + price
                        + "] must be a non-negative integer");
            }
            counts[price] = count.asLong();
        }
        try {
            return new CampaignStatistics(
                    count(root, "imp_train", source),
                    count(root, "clk_train", source),
                    count(root, "cost_train", source),
                    counts);
        } catch (IllegalArgumentException e) {
            throw new SimulationInputException("statistics file " + source + ": " + e.getMessage());
        }
    }

    private static long count(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null || !node.isNumber()) {
            throw new SimulationInputException("statistics file " + source + ": " + field + " must be a number");
        }
        return node.asLong();
    }
}
