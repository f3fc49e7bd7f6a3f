package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.ScoredPassage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the reply. Templates always produce one; when the LLM is enabled it rephrases grounded answers
 * from the same passages, behind a timeout and a circuit breaker, and any failure falls back to the template.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    private static final String SYSTEM_PROMPT =
            "You are the customer service assistant of Larkspur Home, an online gift "
                    + "and homeware shop shipping from the UK to Europe. Answer in the customer's language, in at most four "
                    + "sentences, using only the facts given. Never invent order details, prices or policies.";

    private final AnswerTemplates templates;
    private final LlmProperties properties;
    private final LlmClient llm;
    private final CircuitBreaker circuitBreaker;

    AnswerService(AnswerTemplates templates, LlmProperties properties, JsonMapper json) {
        this.templates = templates;
        this.properties = properties;
        this.llm = new LlmClient(properties, json);
        this.circuitBreaker = CircuitBreaker.of(
                "support-llm",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .slidingWindowSize(properties.slidingWindowSize())
                        .minimumNumberOfCalls(properties.slidingWindowSize())
                        .waitDurationInOpenState(properties.openStateWait())
                        .build());
    }

    public DraftAnswer answer(AnswerContext context) {
        DraftAnswer template = templates.render(context);
        if (!properties.enabled() || !template.grounded()) {
            return template;
        }
        try {
            String text = circuitBreaker.executeCallable(() -> llm.complete(SYSTEM_PROMPT, prompt(context, template)));
            return new DraftAnswer(text, AnswerSource.LLM, template.templateId(), template.sources(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return template;
        } catch (Exception e) {
            log.warn("LLM unavailable ({}), answering from the template", e.toString());
            return template;
        }
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    private static String prompt(AnswerContext context, DraftAnswer template) {
        String facts = context.passages().stream()
                .map(ScoredPassage::passage)
                .map(passage -> "- " + passage.articleTitle() + ", " + passage.heading() + ": " + passage.text())
                .collect(Collectors.joining("\n"));
        String order = context.order()
                .map(o -> "Order " + o.orderNumber() + ": status " + o.status() + ", total " + o.total() + " "
                        + o.currency() + ", placed " + o.placedAt())
                .orElse("none");
        return "Customer message:\n" + context.text() + "\n\nOrder:\n" + order + "\n\nHelp articles:\n" + facts
                + "\n\nDraft answer:\n" + template.text() + "\n\nWrite the reply.";
    }
}
