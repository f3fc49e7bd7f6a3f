package com.agentfactory.support.knowledge;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets staff and the storefront's help page search the same articles the agent answers from. */
@RestController
@RequestMapping("/api/v1/support/knowledge")
class KnowledgeController {

    private static final int MAX_QUERY_CHARS = 500;

    private final KnowledgeBase knowledge;

    KnowledgeController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/search")
    KnowledgeSearchResponse search(
            @RequestParam(name = "q") String query, @RequestParam(defaultValue = "3") int limit) {
        if (query.isBlank() || query.length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException(
                    "The query has invalid parameters.",
                    List.of(new FieldErrorDetail("q", "must be 1 to " + MAX_QUERY_CHARS + " characters")));
        }
        if (limit < 1 || limit > 20) {
            throw new InvalidInputException(
                    "The query has invalid parameters.",
                    List.of(new FieldErrorDetail("limit", "must be between 1 and 20")));
        }
        return new KnowledgeSearchResponse(
                query,
                knowledge.search(query, limit).stream()
                        .map(KnowledgeSearchResponse.Result::of)
                        .toList());
    }
}
