package com.agentfactory.support.knowledge;

/**
 * One section of a help article: the unit that is indexed, retrieved and quoted.
 *
 * @param id article id and section number, stable across restarts
 */
public record Passage(String id, String articleId, String articleTitle, String category, String heading, String text) {

    String searchableText() {
        return articleTitle + ". " + heading + ". " + text;
    }
}
