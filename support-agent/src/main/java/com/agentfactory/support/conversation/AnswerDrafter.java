package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.AnswerContext;
import com.agentfactory.support.answer.AnswerService;
import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.knowledge.KnowledgeBase;
import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.order.OrderSummary;
import com.agentfactory.support.transcript.TranscriptRepository;
import com.agentfactory.support.understanding.MessageAnalyzer;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Understands a stored message and drafts the bot's answer: language pipeline, knowledge retrieval, the order it
 * is about. Runs outside any transaction: it takes the longest and writes nothing.
 */
@Component
class AnswerDrafter {

    private static final String ORDER_NUMBER_ENTITY = "order_number";
    private static final String ORDER_STATUS_TEMPLATE = "order_status";
    private static final Executor RETRIEVAL = Executors.newVirtualThreadPerTaskExecutor();

    private final MessageAnalyzer analyzer;
    private final KnowledgeBase knowledge;
    private final AnswerService answers;
    private final OrderBook orders;
    private final TranscriptRepository transcripts;
    private final ConversationProperties properties;

    AnswerDrafter(
            MessageAnalyzer analyzer,
            KnowledgeBase knowledge,
            AnswerService answers,
            OrderBook orders,
            TranscriptRepository transcripts,
            ConversationProperties properties) {
        this.analyzer = analyzer;
        this.knowledge = knowledge;
        this.answers = answers;
        this.orders = orders;
        this.transcripts = transcripts;
        this.properties = properties;
    }

    DraftedTurn draft(Received received, InboundMessage message) {
        Conversation conversation = received.conversation();
        // retrieval needs only the text: it runs while the language pipeline analyses the message
        String searchText = searchText(received, message);
        CompletableFuture<List<ScoredPassage>> retrieval = CompletableFuture.supplyAsync(
                () -> knowledge.search(searchText, properties.passages()).stream()
                        .filter(knowledge::answers)
                        .toList(),
                RETRIEVAL);
        MessageUnderstanding understanding = analyzer.analyze(message.text());
        Optional<String> namedOrder = understanding.entities().stream()
                .filter(entity -> entity.type().equals(ORDER_NUMBER_ENTITY))
                .map(entity -> entity.normalizedValue() == null ? entity.text() : entity.normalizedValue())
                .findFirst();
        String orderNumber =
                namedOrder.orElse(message.orderNumber() != null ? message.orderNumber() : conversation.orderNumber());

        // "LH-10234" on its own answers the question the bot asked; it continues the previous intent
        boolean slotFilled = conversation.pendingSlot() == PendingSlot.ORDER_NUMBER
                && namedOrder.isPresent()
                && conversation.lastIntent() != null;
        MessageUnderstanding effective = slotFilled ? continuing(understanding, conversation) : understanding;

        List<ScoredPassage> passages = retrieval.join();
        Optional<OrderSummary> order = Optional.ofNullable(orderNumber)
                .flatMap(orders::findByNumber)
                .filter(found -> mayDisclose(found, message));
        DraftAnswer draft = answers.answer(new AnswerContext(message.text(), effective, passages, order));
        PendingSlot pendingSlot =
                ORDER_STATUS_TEMPLATE.equals(draft.templateId()) && order.isEmpty() && orderNumber == null
                        ? PendingSlot.ORDER_NUMBER
                        : null;
        return new DraftedTurn(effective, draft, slotFilled, orderNumber, pendingSlot);
    }

    static MessageUnderstanding continuing(MessageUnderstanding understanding, Conversation conversation) {
        double confidence = Math.max(
                conversation.lastConfidence() == null ? 0 : conversation.lastConfidence(),
                understanding.topIntent().map(IntentScore::confidence).orElse(0.0));
        return new MessageUnderstanding(
                understanding.language().or(() -> Optional.of("en")),
                List.of(new IntentScore(conversation.lastIntent(), confidence)),
                understanding.entities(),
                understanding.sentiment());
    }

    private String searchText(Received received, InboundMessage message) {
        String text = message.text();
        if (message.conversationId() == null || text.strip().split("\\s+").length >= 4) {
            return text;
        }
        String previous =
                transcripts.previousCustomerText(received.conversation().id(), received.messageId());
        return previous == null ? text : previous + " " + text;
    }

    /**
     * An order's details go to its own customer only; the support desk finds any order by its number. A
     * supervisor's task (from inside the platform) may too, unless it names a customer: then only that customer's
     * orders and guest orders, the rule returns follow, so a task answering one customer never shows them another
     * customer's order. A guest order has no customer to match, so no customer sees it. An erased customer's order
     * has no customer either, but is no guest order: a task naming a customer is not shown it.
     */
    static boolean mayDisclose(OrderSummary order, InboundMessage message) {
        UUID asking = message.customer().customerId();
        boolean theirs = order.customerId() != null && order.customerId().equals(asking);
        if (message.staff()) {
            return true;
        }
        if (message.channel() == Channel.TASK) {
            return asking == null || order.guestOrder() || theirs;
        }
        return theirs;
    }
}
