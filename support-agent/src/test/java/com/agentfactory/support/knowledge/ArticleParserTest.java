package com.agentfactory.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleParserTest {

    @Test
    void makesOnePassagePerSectionWithTheArticlesTitleAndCategory() {
        var passages = ArticleParser.parse("returns", """
                # Returns policy
                category: returns

                ## How long you have
                You can return items
                within 30 days.

                ## Exceptions
                Candles cannot be returned.
                """);

        assertThat(passages).hasSize(2);
        assertThat(passages.getFirst())
                .isEqualTo(new Passage(
                        "returns#1",
                        "returns",
                        "Returns policy",
                        "returns",
                        "How long you have",
                        "You can return items within 30 days."));
        assertThat(passages.get(1).id()).isEqualTo("returns#2");
    }

    @Test
    void refusesAnArticleWithoutSections() {
        assertThatThrownBy(() -> ArticleParser.parse("empty", "# Title only\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
