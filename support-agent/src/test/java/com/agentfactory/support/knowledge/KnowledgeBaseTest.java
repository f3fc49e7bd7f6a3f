package com.agentfactory.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.intent.MiniLmTextEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped articles with the real sentence model: what customers ask must find the right article. */
class KnowledgeBaseTest {

    private static KnowledgeBase knowledge;

    @BeforeAll
    static void indexTheShippedArticles() {
        var properties = new KnowledgeProperties("classpath*:knowledge/*.md", 20, 60, 0.35);
        knowledge =
                new KnowledgeBase(properties, KnowledgeBase.load(properties.location()), MiniLmTextEmbedder.shared());
    }

    @Test
    void loadsTheStoresArticlesAtStart() {
        assertThat(knowledge.size()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void findsTheReturnsPolicyForAReturnsQuestion() {
        var results = knowledge.search("How many days do I have to send something back?", 3);

        assertThat(results).hasSize(3);
        assertThat(results.getFirst().passage().articleId()).isEqualTo("returns-policy");
        assertThat(knowledge.answers(results.getFirst())).isTrue();
    }

    @Test
    void findsAnArticleByAnExactTermEvenWithLittleContext() {
        var results = knowledge.search("Klarna", 3);

        assertThat(results.getFirst().passage().text()).contains("Klarna");
        assertThat(results.getFirst().keywordRank()).isBetween(1, 2);
    }

    @Test
    void findsAnArticleByMeaningWhenTheWordsDiffer() {
        var results = knowledge.search("My parcel shows as delivered but I never got it", 3);

        assertThat(results).anySatisfy(result -> {
            assertThat(result.passage().heading()).isEqualTo("Marked as delivered but not received");
            assertThat(result.vectorRank()).isEqualTo(1);
        });
    }

    @Test
    void ranksByFusedScoreBestFirst() {
        var results = knowledge.search("customs duties VAT for delivery to Germany", 5);

        assertThat(results).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(results.getFirst().passage().heading()).isEqualTo("Customs, duties and VAT");
    }

    @Test
    void doesNotOfferAnAnswerForAnUnrelatedQuestion() {
        var results = knowledge.search("What is the boiling point of tungsten on Mars?", 1);

        assertThat(results)
                .allSatisfy(result -> assertThat(knowledge.answers(result)).isFalse());
    }
}
