package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.ScoredPassage;
import java.util.List;

/**
 * A reply ready to send or to suggest to a person.
 *
 * @param templateId the template the reply was built from (also when an LLM phrased it)
 * @param sources the passages the reply rests on
 * @param grounded false when neither an intent template nor a passage fitted: the bot asked the customer to
 *     rephrase, which counts as a failed attempt
 */
public record DraftAnswer(
        String text, AnswerSource source, String templateId, List<ScoredPassage> sources, boolean grounded) {

    public DraftAnswer {
        sources = List.copyOf(sources);
    }
}
