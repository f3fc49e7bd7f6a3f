package com.agentfactory.support.escalation;

import com.agentfactory.support.understanding.MessageAnalyzer;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The specification's escalation rules, all evaluated (not just the first that fires) so the agent who
 * picks the ticket up sees every reason.
 */
@Component
public class EscalationPolicy {

    private final EscalationProperties properties;
    private final double minIntentConfidence;
    private final List<Pattern> complianceKeywords;

    @Autowired
    EscalationPolicy(EscalationProperties properties, MessageAnalyzer analyzer) {
        this(properties, analyzer.outOfScopeThreshold());
    }

    /**
     * @param modelThreshold the intent model's out-of-scope threshold, used unless the properties set their own
     */
    EscalationPolicy(EscalationProperties properties, double modelThreshold) {
        this.properties = properties;
        this.minIntentConfidence =
                properties.minIntentConfidence() != null ? properties.minIntentConfidence() : modelThreshold;
        this.complianceKeywords = properties.complianceKeywords().stream()
                .map(EscalationPolicy::keywordPattern)
                .toList();
    }

    /** The confidence below which the top intent is not trusted (the message is taken as out of scope). */
    public double minIntentConfidence() {
        return minIntentConfidence;
    }

    /**
     * @param failedAttempts failed answers in the conversation so far, this message's included
     */
    public List<Escalation> evaluate(
            String text, MessageUnderstanding understanding, CustomerProfile customer, int failedAttempts) {
        List<Escalation> escalations = new ArrayList<>();
        double confidence =
                understanding.topIntent().map(intent -> intent.confidence()).orElse(0.0);
        // language detection gives up on short texts ("Where is LH-1001?"); a confident intent shows the
        // message was understood all the same, so only an unknown language without one needs a person
        if (understanding.language().isEmpty() && confidence < minIntentConfidence) {
            escalations.add(new Escalation(
                    EscalationReason.UNSUPPORTED_LANGUAGE, "the message is in none of the store's languages"));
        }
        if (confidence < minIntentConfidence) {
            escalations.add(new Escalation(
                    EscalationReason.LOW_CONFIDENCE,
                    understanding
                            .topIntent()
                            .map(intent -> "top intent " + intent.intent() + " at "
                                    + Comparison.below(intent.confidence(), minIntentConfidence))
                            .orElse("no intent recognised")));
        }
        double sentiment = understanding.sentiment().score();
        if (sentiment < properties.minSentiment()) {
            escalations.add(new Escalation(
                    EscalationReason.CUSTOMER_FRUSTRATION,
                    "sentiment " + Comparison.below(sentiment, properties.minSentiment())));
        }
        List<String> significant = understanding.intents().stream()
                .filter(intent -> intent.confidence() >= properties.minIntentShare())
                .map(intent -> intent.intent())
                .toList();
        if (significant.size() > properties.maxIntents()) {
            escalations.add(new Escalation(
                    EscalationReason.COMPLEX_ISSUE,
                    significant.size() + " intents: " + String.join(", ", significant)));
        }
        vipDetail(customer).ifPresent(detail -> escalations.add(new Escalation(EscalationReason.VIP_CUSTOMER, detail)));
        if (failedAttempts >= properties.maxFailedAttempts()) {
            escalations.add(new Escalation(
                    EscalationReason.MAX_RETRIES,
                    failedAttempts + " failed attempts in this conversation (limit " + properties.maxFailedAttempts()
                            + ")"));
        }
        understanding
                .topIntent()
                .filter(intent -> intent.confidence() >= minIntentConfidence)
                .filter(intent -> properties.handoverIntents().contains(intent.intent()))
                .ifPresent(intent -> escalations.add(
                        new Escalation(EscalationReason.CUSTOMER_ASKED_FOR_PERSON, "the customer asked for a person")));
        List<String> found = complianceWordsIn(text);
        if (!found.isEmpty()) {
            escalations.add(
                    new Escalation(EscalationReason.COMPLIANCE_REQUIRED, "mentions " + String.join(", ", found)));
        }
        return escalations;
    }

    // the configured list is the only source: chat and task callers alike could claim any tier they liked
    private Optional<String> vipDetail(CustomerProfile customer) {
        if (customer.customerId() != null && properties.vipCustomerIds().contains(customer.customerId())) {
            return Optional.of("customer " + customer.customerId() + " is on the VIP list");
        }
        return Optional.empty();
    }

    List<String> complianceWordsIn(String text) {
        String folded = fold(text);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < complianceKeywords.size(); i++) {
            if (complianceKeywords.get(i).matcher(folded).find()) {
                found.add(stem(properties.complianceKeywords().get(i)));
            }
        }
        return found;
    }

    // A keyword is a whole word or phrase unless a "*" opens one of its ends: at the start it may close a longer word
    // (German compounds: "*anwalt" in Rechtsanwalt), at the end the word may go on (inflections: "lawyer*" in lawyers,
    // "*anwalt*" in Anwältin). An open end is for stems nothing else begins or ends with; a short word whose stem is
    // part of common words ("sue" in issue, pursue, suede) is listed form by form, each a whole word.
    private static Pattern keywordPattern(String keyword) {
        String folded = fold(keyword.strip());
        boolean openStart = folded.startsWith("*");
        boolean openEnd = folded.endsWith("*") && folded.length() > 1;
        String stem = folded.substring(openStart ? 1 : 0, folded.length() - (openEnd ? 1 : 0));
        if (stem.isBlank() || stem.contains("*")) {
            throw new IllegalArgumentException("compliance keyword " + keyword + " has no word, or a * inside it");
        }
        return Pattern.compile(
                (openStart ? "" : "\\b") + Pattern.quote(stem) + (openEnd ? "" : "\\b"),
                Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static String stem(String keyword) {
        String stripped = keyword.strip();
        return stripped.substring(
                stripped.startsWith("*") ? 1 : 0, stripped.length() - (stripped.endsWith("*") ? 1 : 0));
    }

    // case- and accent-insensitive so "Avocat" and "avocat" and "ABOGADO" all match
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
