package com.agentfactory.support.knowledge;

import java.util.List;

record KnowledgeSearchResponse(String query, List<Result> results) {

    record Result(
            String passageId,
            String articleId,
            String title,
            String heading,
            String category,
            String text,
            double score,
            int keywordRank,
            int vectorRank,
            double similarity) {

        static Result of(ScoredPassage scored) {
            Passage p = scored.passage();
            return new Result(
                    p.id(),
                    p.articleId(),
                    p.articleTitle(),
                    p.heading(),
                    p.category(),
                    p.text(),
                    scored.score(),
                    scored.keywordRank(),
                    scored.vectorRank(),
                    scored.similarity());
        }
    }
}
