package com.agentfactory.supervisor.routing;

import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.RegisteredAgent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Classifies a task from its text by the activation keywords of each agent and its personas. The
 * confidence grows with how much of the evidence points at one agent and how much evidence there is:
 * one unopposed keyword gives 0.75, two or more give 1.0, a tie gives at most 0.5.
 */
@Component
class KeywordClassifier {

    private static final int MAX_TEXT = 10_000;

    private final Map<RegisteredAgent, List<Keyword>> keywords = new LinkedHashMap<>();

    KeywordClassifier(AgentRegistry registry) {
        for (RegisteredAgent agent : registry.agents()) {
            if (!agent.isActive()) {
                continue;
            }
            keywords.put(
                    agent,
                    agent.keywords().stream()
                            .map(word -> new Keyword(word, Pattern.compile("\\b" + Pattern.quote(word) + "\\b")))
                            .toList());
        }
    }

    Classification classify(JsonNode input) {
        String text = textOf(input);
        List<Score> scores = new ArrayList<>();
        for (var entry : keywords.entrySet()) {
            List<String> hits = entry.getValue().stream()
                    .filter(keyword -> keyword.pattern().matcher(text).find())
                    .map(Keyword::word)
                    .toList();
            if (!hits.isEmpty()) {
                scores.add(new Score(entry.getKey(), hits));
            }
        }
        if (scores.isEmpty()) {
            return new Classification(null, 0.0, List.of(), "no agent's keywords occur in the input");
        }
        scores.sort(
                Comparator.comparingInt((Score score) -> score.hits().size()).reversed());
        Score top = scores.getFirst();
        int total = scores.stream().mapToInt(score -> score.hits().size()).sum();
        double share = (double) top.hits().size() / total;
        double evidence = Math.min(1.0, 0.5 + 0.25 * top.hits().size());
        double confidence = share * evidence;
        String reason = "keywords " + top.hits() + " point to " + top.agent().type()
                + (scores.size() > 1
                        ? ", against "
                                + scores.subList(1, scores.size()).stream()
                                        .map(score -> score.agent().type() + " " + score.hits())
                                        .toList()
                        : "");
        return new Classification(top.agent(), confidence, top.hits(), reason);
    }

    /** All string values of the input, lower-cased, so keywords match wherever the caller put the text. */
    static String textOf(JsonNode input) {
        StringBuilder text = new StringBuilder();
        collect(input, text);
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node == null || text.length() >= MAX_TEXT) {
            return;
        }
        if (node.isString()) {
            text.append(node.asString(), 0, Math.min(node.asString().length(), MAX_TEXT - text.length()))
                    .append(' ');
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collect(child, text);
            }
        }
    }

    record Classification(RegisteredAgent agent, double confidence, List<String> keywords, String reason) {}

    private record Keyword(String word, Pattern pattern) {}

    private record Score(RegisteredAgent agent, List<String> hits) {}
}
