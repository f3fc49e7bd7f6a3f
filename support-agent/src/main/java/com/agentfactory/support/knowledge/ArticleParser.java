package com.agentfactory.support.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the article format: a first line {@code # Title}, a {@code category: name} line, then sections
 * each opened by {@code ## Heading}. Every section becomes one passage so answers quote a focused paragraph.
 */
final class ArticleParser {

    private ArticleParser() {}

    static List<Passage> parse(String articleId, String markdown) {
        String title = null;
        String category = "general";
        String heading = null;
        StringBuilder body = new StringBuilder();
        List<Passage> passages = new ArrayList<>();
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("## ")) {
                addSection(passages, articleId, title, category, heading, body);
                heading = line.substring(3).strip();
                body.setLength(0);
            } else if (line.startsWith("# ") && title == null) {
                title = line.substring(2).strip();
            } else if (heading == null && line.toLowerCase(Locale.ROOT).startsWith("category:")) {
                category = line.substring("category:".length()).strip();
            } else if (!line.isEmpty() && heading != null) {
                if (!body.isEmpty()) {
                    body.append(' ');
                }
                body.append(line);
            }
        }
        addSection(passages, articleId, title, category, heading, body);
        if (title == null || passages.isEmpty()) {
            throw new IllegalArgumentException(
                    "knowledge article " + articleId + " needs a '# Title' line and at least one '## Section'");
        }
        return passages;
    }

    private static void addSection(
            List<Passage> passages,
            String articleId,
            String title,
            String category,
            String heading,
            StringBuilder body) {
        if (heading != null && !body.isEmpty()) {
            passages.add(new Passage(
                    articleId + "#" + (passages.size() + 1), articleId, title, category, heading, body.toString()));
        }
    }
}
