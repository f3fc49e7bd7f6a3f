package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.language.ReplyPhrases;
import com.agentfactory.support.order.OrderSummary;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The default, deterministic answer: an opening that fits the customer's mood, an intent-specific line
 * filled with the order and entities, then the best passage from the help articles (written in English, so
 * other languages introduce it as such). The phrases come from {@link ReplyPhrases}, one file per language.
 */
@Component
class AnswerTemplates {

    static final String FALLBACK = "fallback";

    // intent names of the language pipeline, and the Bitext and specification names for the same things
    private static final Map<String, String> INTENT_TEMPLATE = Map.ofEntries(
            Map.entry("order_cancellation_fee", "order_cancel"),
            Map.entry("payment_refund_status", "refund"),
            Map.entry("policy_refund", "return"),
            Map.entry("feedback_complaint", "complaint"),
            Map.entry("shipping_delivery_time", "delivery"),
            Map.entry("shipping_options", "delivery"),
            Map.entry("shipping_address_change", "address"),
            Map.entry("shipping_address_setup", "address"),
            Map.entry("payment_methods", "payment"),
            Map.entry("account_create", "account"),
            Map.entry("account_delete", "account"),
            Map.entry("account_registration", "account"),
            Map.entry("account_switch", "account"),
            Map.entry("invoice_get", "invoice"),
            Map.entry("invoice_view", "invoice"),
            Map.entry("track_order", "order_status"),
            Map.entry("order_status", "order_status"),
            Map.entry("cancel_order", "order_cancel"),
            Map.entry("order_cancel", "order_cancel"),
            Map.entry("change_order", "order_change"),
            Map.entry("order_modify", "order_change"),
            Map.entry("get_refund", "refund"),
            Map.entry("track_refund", "refund"),
            Map.entry("payment_refund", "refund"),
            Map.entry("check_refund_policy", "return"),
            Map.entry("return_request", "return"),
            Map.entry("complaint", "complaint"),
            Map.entry("contact_human_agent", "contact"),
            Map.entry("contact_customer_service", "contact"),
            Map.entry("delivery_period", "delivery"),
            Map.entry("delivery_options", "delivery"),
            Map.entry("change_shipping_address", "address"),
            Map.entry("set_up_shipping_address", "address"),
            Map.entry("payment_issue", "payment"),
            Map.entry("payment_dispute", "payment"),
            Map.entry("check_payment_methods", "payment"),
            Map.entry("recover_password", "account"),
            Map.entry("account_password", "account"),
            Map.entry("edit_account", "account"),
            Map.entry("account_update", "account"),
            Map.entry("delete_account", "account"),
            Map.entry("create_account", "account"),
            Map.entry("registration_problems", "account"),
            Map.entry("get_invoice", "invoice"),
            Map.entry("check_invoice", "invoice"));

    private final ReplyPhrases phrases;

    AnswerTemplates(ReplyPhrases phrases) {
        this.phrases = phrases;
    }

    /** The answer in the message's language when the store serves it, else in the store's default language. */
    DraftAnswer render(AnswerContext context) {
        String language = context.understanding().language().orElse(null);
        String intentTemplate = context.topIntent().map(INTENT_TEMPLATE::get).orElse(null);
        Optional<String> line = intentLine(intentTemplate, context, language);
        List<ScoredPassage> passages = context.passages();
        if (line.isEmpty() && passages.isEmpty()) {
            return new DraftAnswer(
                    opening(context, language) + phrases.phrase("answer.not_understood", language),
                    AnswerSource.TEMPLATE,
                    FALLBACK,
                    List.of(),
                    false);
        }
        StringBuilder text = new StringBuilder(opening(context, language));
        line.ifPresent(value -> text.append(value).append(' '));
        passages.stream().findFirst().ifPresent(best -> {
            String note = phrases.phrase("answer.help_pages", language);
            if (!note.isEmpty()) {
                text.append(note).append(' ');
            }
            text.append(best.passage().text()).append(' ');
        });
        text.append(phrases.phrase("answer.anything_else", language));
        String templateId = intentTemplate == null ? "knowledge" : intentTemplate;
        return new DraftAnswer(
                text.toString(),
                AnswerSource.TEMPLATE,
                templateId,
                passages.stream().limit(1).toList(),
                true);
    }

    private String opening(AnswerContext context, String language) {
        var sentiment = context.understanding().sentiment();
        if (sentiment.frustrated() || sentiment.score() < -0.3) {
            return phrases.phrase("answer.sorry", language) + " ";
        }
        return "";
    }

    private Optional<String> intentLine(String intentTemplate, AnswerContext context, String language) {
        if (intentTemplate == null) {
            return Optional.empty();
        }
        if (intentTemplate.equals("order_status")) {
            if (context.order().isPresent()) {
                return Optional.of(orderStatusLine(context.order().get(), language));
            }
            return Optional.of(context.entity("order_number")
                    .map(number ->
                            phrases.phrase("line.order_status_unknown_order", language, Map.of("order_number", number)))
                    .orElse(phrases.phrase("line.order_status_no_number", language)));
        }
        String line = phrases.phrase("line." + intentTemplate, language);
        if (context.order().isPresent() && !intentTemplate.equals("contact")) {
            line = phrases.phrase(
                            "answer.about_order",
                            language,
                            Map.of("order_number", context.order().get().orderNumber()))
                    + " " + line;
        }
        return Optional.of(line);
    }

    private String orderStatusLine(OrderSummary order, String language) {
        String status =
                switch (order.status()) {
                    case "CANCELLED" -> "order.status.cancelled";
                    case "REFUNDED" -> "order.status.refunded";
                    default -> "order.status.open";
                };
        return phrases.phrase(
                "order.status",
                language,
                Map.of(
                        "order_number", order.orderNumber(),
                        "date", phrases.date(order.placedAt(), language),
                        "total", order.total().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        "currency", order.currency(),
                        "status", phrases.phrase(status, language)));
    }
}
