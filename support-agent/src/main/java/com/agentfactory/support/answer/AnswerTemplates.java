package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.order.OrderSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The default, deterministic answer: an opening that fits the customer's mood, an intent-specific line
 * filled with the order and entities, then the best passage from the help articles.
 */
@Component
class AnswerTemplates {

    static final String FALLBACK = "fallback";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

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

    private static final Map<String, String> LINES = Map.ofEntries(
            Map.entry(
                    "order_status_unknown_order",
                    "I could not find an order numbered {order_number}; please check the number in your confirmation email."),
            Map.entry(
                    "order_status_no_number",
                    "I can check that for you: please send me your order number, it starts with the letters shown in your confirmation email."),
            Map.entry("order_cancel", "Here is how cancelling works."),
            Map.entry("order_change", "Here is what can still be changed on an order."),
            Map.entry("refund", "Here is how refunds work."),
            Map.entry("return", "Here is how returns work."),
            Map.entry("complaint", "Thank you for telling us; a team leader reviews every complaint."),
            Map.entry("contact", "You can reach our team like this."),
            Map.entry("delivery", "Here is what to expect for delivery."),
            Map.entry("address", "Here is how to change a delivery address."),
            Map.entry("payment", "Here is what to do about payments."),
            Map.entry("account", "Here is how to sort out your account."),
            Map.entry("invoice", "Here is how to get your invoice."));

    DraftAnswer render(AnswerContext context) {
        String intentTemplate = context.topIntent().map(INTENT_TEMPLATE::get).orElse(null);
        Optional<String> line = intentLine(intentTemplate, context);
        List<ScoredPassage> passages = context.passages();
        if (line.isEmpty() && passages.isEmpty()) {
            return new DraftAnswer(
                    opening(context) + "I am not sure I understood your question. Could you tell me a little more, "
                            + "for example what you ordered and your order number?",
                    AnswerSource.TEMPLATE,
                    FALLBACK,
                    List.of(),
                    false);
        }
        StringBuilder text = new StringBuilder(opening(context));
        line.ifPresent(value -> text.append(value).append(' '));
        passages.stream()
                .findFirst()
                .ifPresent(best -> text.append(best.passage().text()).append(' '));
        text.append("Is there anything else I can help with?");
        String templateId = intentTemplate == null ? "knowledge" : intentTemplate;
        return new DraftAnswer(
                text.toString(),
                AnswerSource.TEMPLATE,
                templateId,
                passages.stream().limit(1).toList(),
                true);
    }

    private static String opening(AnswerContext context) {
        var sentiment = context.understanding().sentiment();
        if (sentiment.frustrated() || sentiment.score() < -0.3) {
            return "I am sorry for the trouble. ";
        }
        return "";
    }

    private static Optional<String> intentLine(String intentTemplate, AnswerContext context) {
        if (intentTemplate == null) {
            return Optional.empty();
        }
        if (intentTemplate.equals("order_status")) {
            if (context.order().isPresent()) {
                return Optional.of(orderStatusLine(context.order().get()));
            }
            return Optional.of(context.entity("order_number")
                    .map(number -> LINES.get("order_status_unknown_order").replace("{order_number}", number))
                    .orElse(LINES.get("order_status_no_number")));
        }
        String line = LINES.get(intentTemplate);
        if (line != null && context.order().isPresent() && !intentTemplate.equals("contact")) {
            line = "About order " + context.order().get().orderNumber() + ": " + line;
        }
        return Optional.ofNullable(line);
    }

    private static String orderStatusLine(OrderSummary order) {
        String status =
                switch (order.status()) {
                    case "CANCELLED" -> "has been cancelled";
                    case "REFUNDED" -> "has been cancelled and refunded";
                    default ->
                        "is being prepared or is on its way; the tracking link in your dispatch email shows where it is";
                };
        return "Your order " + order.orderNumber() + " of " + DATE.format(order.placedAt()) + " ("
                + order.total().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + order.currency()
                + ") " + status + ".";
    }
}
