package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.AnswerContext;
import com.agentfactory.support.answer.AnswerService;
import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationPolicy;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.knowledge.KnowledgeBase;
import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.order.OrderSummary;
import com.agentfactory.support.ticket.Ticket;
import com.agentfactory.support.ticket.TicketRepository;
import com.agentfactory.support.ticket.TicketStatus;
import com.agentfactory.support.touchpoint.TouchpointReporter;
import com.agentfactory.support.understanding.IntentScore;
import com.agentfactory.support.understanding.MessageAnalyzer;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One turn of a conversation. The customer's message is committed first, so nothing is lost if analysis
 * fails; understanding, retrieval and answering run outside any transaction; the outcome (reply, ticket
 * state, escalation reasons) is committed in a second one. A failure in between hands the conversation to
 * a person instead of answering with an error.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    private static final String ORDER_NUMBER = "order_number";
    private static final String BOT = "support-agent";
    static final String HANDOVER = "Thank you. I have passed your conversation to a colleague, who will reply here "
            + "within 4 working hours.";
    static final String UNKNOWN_LANGUAGE = "Thank you for your message. We could not recognise its language, so a "
            + "colleague will read it and reply as soon as possible.";
    static final String WITH_PERSON = "Thank you, your message has been added to your conversation with our team; "
            + "a colleague will reply here.";
    static final String AFTER_FAILURE = "Thank you, we have received your message. A colleague will reply shortly.";

    private static final Executor RETRIEVAL = Executors.newVirtualThreadPerTaskExecutor();

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final TicketRepository tickets;
    private final MessageAnalyzer analyzer;
    private final KnowledgeBase knowledge;
    private final AnswerService answers;
    private final EscalationPolicy escalation;
    private final OrderBook orders;
    private final ConversationProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TouchpointReporter touchpoints;

    ConversationService(
            ConversationRepository conversations,
            MessageRepository messages,
            TicketRepository tickets,
            MessageAnalyzer analyzer,
            KnowledgeBase knowledge,
            AnswerService answers,
            EscalationPolicy escalation,
            OrderBook orders,
            ConversationProperties properties,
            TransactionTemplate transactions,
            JsonMapper json,
            TouchpointReporter touchpoints) {
        this.conversations = conversations;
        this.messages = messages;
        this.tickets = tickets;
        this.analyzer = analyzer;
        this.knowledge = knowledge;
        this.answers = answers;
        this.escalation = escalation;
        this.orders = orders;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.touchpoints = touchpoints;
    }

    public Reply handle(InboundMessage message) {
        MessageValidator.validate(message.text(), properties.maxMessageChars());
        Received received = Objects.requireNonNull(transactions.execute(status -> receive(message)));
        Turn turn;
        try {
            turn = understandAndAnswer(received, message);
        } catch (RuntimeException e) {
            log.error("Message {} could not be processed; handed to a person", received.messageId(), e);
            return Objects.requireNonNull(transactions.execute(status -> handOverAfterFailure(received, e)));
        }
        return Objects.requireNonNull(transactions.execute(status -> record(received, turn)));
    }

    /** Adds a support agent's reply to the transcript. */
    public UUID appendAgentReply(UUID conversationId, String agentId, String text) {
        return Objects.requireNonNull(transactions.execute(status -> {
            conversations.lock(conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            return messages.append(conversationId, "AGENT", agentId, text, null, Instant.now());
        }));
    }

    /** The conversation when this customer may see it: their own, or a guest conversation. */
    public Optional<Conversation> find(UUID conversationId, UUID customerId) {
        return conversations.find(conversationId).filter(conversation -> mayContinue(conversation, customerId));
    }

    /** Any conversation, for support agents. */
    public Optional<Conversation> findAny(UUID conversationId) {
        return conversations.find(conversationId);
    }

    public List<TranscriptMessage> transcript(UUID conversationId) {
        return messages.transcript(conversationId);
    }

    private Received receive(InboundMessage message) {
        Instant now = Instant.now();
        UUID customerId = message.customer().customerId();
        Conversation conversation;
        Ticket ticket;
        if (message.conversationId() == null) {
            UUID id = UUID.randomUUID();
            conversations.create(id, message, now);
            ticket = tickets.create(id, customerId, message.category(), now);
            conversation = new Conversation(
                    id,
                    message.channel(),
                    customerId,
                    message.customerEmail(),
                    message.subject(),
                    0,
                    null,
                    null,
                    null,
                    message.orderNumber(),
                    now);
        } else {
            conversation = conversations
                    .lock(message.conversationId())
                    .filter(found -> mayContinue(found, customerId))
                    .orElseThrow(() -> new ConversationNotFoundException(message.conversationId()));
            ticket = tickets.findByConversation(conversation.id()).orElseThrow();
        }
        UUID messageId = messages.append(conversation.id(), "CUSTOMER", message.authorId(), message.text(), null, now);
        return new Received(conversation, ticket, messageId, now);
    }

    private static boolean mayContinue(Conversation conversation, UUID customerId) {
        return conversation.customerId() == null || conversation.customerId().equals(customerId);
    }

    private Turn understandAndAnswer(Received received, InboundMessage message) {
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
                .filter(entity -> entity.type().equals(ORDER_NUMBER))
                .map(entity -> entity.normalizedValue() == null ? entity.text() : entity.normalizedValue())
                .findFirst();
        String orderNumber =
                namedOrder.orElse(message.orderNumber() != null ? message.orderNumber() : conversation.orderNumber());

        // "LH-10234" on its own answers the question the bot asked; it continues the previous intent
        boolean slotFilled = ORDER_NUMBER.equals(conversation.pendingSlot())
                && namedOrder.isPresent()
                && conversation.lastIntent() != null;
        MessageUnderstanding effective = slotFilled ? continuing(understanding, conversation) : understanding;

        List<ScoredPassage> passages = retrieval.join();
        Optional<OrderSummary> order = Optional.ofNullable(orderNumber)
                .flatMap(orders::findByNumber)
                .filter(found -> mayDisclose(found, message));
        DraftAnswer draft = answers.answer(new AnswerContext(message.text(), effective, passages, order));

        Optional<IntentScore> top = effective.topIntent();
        int failedAttempts = conversation.failedAttempts();
        if (!draft.grounded()) {
            failedAttempts++;
        } else if (!slotFilled && top.isPresent() && top.get().intent().equals(conversation.lastIntent())) {
            // asking the same thing again means the previous answer did not help
            failedAttempts++;
        }
        List<Escalation> escalations =
                escalation.evaluate(message.text(), effective, message.customer(), failedAttempts);
        String pendingSlot = "order_status".equals(draft.templateId()) && order.isEmpty() && orderNumber == null
                ? ORDER_NUMBER
                : null;
        return new Turn(effective, draft, escalations, failedAttempts, pendingSlot, orderNumber);
    }

    private static MessageUnderstanding continuing(MessageUnderstanding understanding, Conversation conversation) {
        double confidence = Math.max(
                conversation.lastConfidence() == null ? 0 : conversation.lastConfidence(),
                understanding.topIntent().map(IntentScore::confidence).orElse(0.0));
        List<IntentScore> intents = new ArrayList<>();
        intents.add(new IntentScore(conversation.lastIntent(), confidence));
        return new MessageUnderstanding(
                understanding.language().or(() -> Optional.of("en")),
                intents,
                understanding.entities(),
                understanding.sentiment());
    }

    private String searchText(Received received, InboundMessage message) {
        String text = message.text();
        if (message.conversationId() == null || text.strip().split("\\s+").length >= 4) {
            return text;
        }
        String previous = messages.previousCustomerText(received.conversation().id(), received.messageId());
        return previous == null ? text : previous + " " + text;
    }

    // an order's details go only to its own customer; supervisor tasks come from inside the platform
    private static boolean mayDisclose(OrderSummary order, InboundMessage message) {
        return message.channel() == Channel.TASK
                || order.customerId() == null
                || order.customerId().equals(message.customer().customerId());
    }

    private Reply record(Received received, Turn turn) {
        Instant now = Instant.now();
        UUID conversationId = received.conversation().id();
        Ticket ticket = received.ticket();
        conversations.lock(conversationId);
        MessageUnderstanding understanding = turn.understanding();
        String intentsJson = json.writeValueAsString(intentViews(understanding));
        String entitiesJson = json.writeValueAsString(entityViews(understanding));
        messages.markProcessed(
                received.messageId(),
                understanding.language().orElse(null),
                intentsJson,
                entitiesJson,
                understanding.sentiment().score());

        TicketStatus status = tickets.findById(ticket.id()).orElseThrow().status();
        boolean escalateNow = !status.withPerson() && !turn.escalations().isEmpty();
        String replyText;
        String source;
        if (status.withPerson()) {
            replyText = WITH_PERSON;
            source = "HANDOVER";
            if (status == TicketStatus.ANSWERED) {
                tickets.transition(ticket.id(), List.of(TicketStatus.ANSWERED), TicketStatus.CLAIMED, null, now);
                status = TicketStatus.CLAIMED;
            }
        } else if (escalateNow) {
            boolean unknownLanguage =
                    turn.escalations().stream().anyMatch(e -> e.reason() == EscalationReason.UNSUPPORTED_LANGUAGE);
            replyText = unknownLanguage ? UNKNOWN_LANGUAGE : HANDOVER;
            source = "HANDOVER";
        } else {
            replyText = turn.draft().text();
            source = turn.draft().source().name();
            if (status == TicketStatus.CLOSED) {
                tickets.transition(ticket.id(), List.of(TicketStatus.CLOSED), TicketStatus.OPEN, null, now);
                status = TicketStatus.OPEN;
            }
        }
        messages.append(conversationId, "BOT", BOT, replyText, source, now);
        if (received.conversation().customerId() != null) {
            touchpoints.answered(
                    received.messageId(),
                    received.conversation().customerId(),
                    received.conversation().channel().name(),
                    received.receivedAt(),
                    now);
        }
        conversations.recordTurn(
                conversationId,
                turn.failedAttempts(),
                understanding.topIntent().map(IntentScore::intent).orElse(null),
                understanding.topIntent().map(IntentScore::confidence).orElse(null),
                turn.pendingSlot(),
                turn.orderNumber(),
                now);
        tickets.recordAnalysis(
                ticket.id(), intentsJson, entitiesJson, turn.draft().text(), now);
        if (escalateNow) {
            tickets.escalate(
                    ticket.id(),
                    received.messageId(),
                    turn.escalations().stream()
                            .map(e -> new TicketRepository.Reason(e.reason().name(), e.detail()))
                            .toList(),
                    now);
            status = TicketStatus.ESCALATED;
        }
        return new Reply(
                conversationId,
                ticket.id(),
                received.messageId(),
                replyText,
                status,
                escalateNow,
                escalateNow
                        ? turn.escalations().stream()
                                .map(e -> new Reply.ReasonView(e.reason().name(), e.detail()))
                                .toList()
                        : List.of(),
                understanding.language().orElse(null),
                intentViews(understanding),
                entityViews(understanding),
                understanding.sentiment().score(),
                source,
                turn.draft().sources().stream()
                        .map(p -> new Reply.SourceView(
                                p.passage().id(),
                                p.passage().articleTitle(),
                                p.passage().heading(),
                                p.score()))
                        .toList());
    }

    private Reply handOverAfterFailure(Received received, RuntimeException failure) {
        Instant now = Instant.now();
        UUID conversationId = received.conversation().id();
        conversations.lock(conversationId);
        messages.markFailed(received.messageId());
        messages.append(conversationId, "BOT", BOT, AFTER_FAILURE, "HANDOVER", now);
        String detail = "processing failed: " + failure.getClass().getSimpleName();
        TicketStatus status =
                tickets.findById(received.ticket().id()).orElseThrow().status();
        boolean escalateNow = !status.withPerson();
        if (escalateNow) {
            tickets.escalate(
                    received.ticket().id(),
                    received.messageId(),
                    List.of(new TicketRepository.Reason(EscalationReason.PROCESSING_FAILED.name(), detail)),
                    now);
            status = TicketStatus.ESCALATED;
        }
        return new Reply(
                conversationId,
                received.ticket().id(),
                received.messageId(),
                AFTER_FAILURE,
                status,
                escalateNow,
                escalateNow
                        ? List.of(new Reply.ReasonView(EscalationReason.PROCESSING_FAILED.name(), detail))
                        : List.of(),
                null,
                List.of(),
                List.of(),
                0,
                "HANDOVER",
                List.of());
    }

    private static List<Reply.IntentView> intentViews(MessageUnderstanding understanding) {
        return understanding.intents().stream()
                .map(intent -> new Reply.IntentView(intent.intent(), intent.confidence()))
                .toList();
    }

    private static List<Reply.EntityView> entityViews(MessageUnderstanding understanding) {
        return understanding.entities().stream()
                .map(entity -> new Reply.EntityView(entity.type(), entity.text(), entity.normalizedValue()))
                .toList();
    }

    private record Received(Conversation conversation, Ticket ticket, UUID messageId, Instant receivedAt) {}

    private record Turn(
            MessageUnderstanding understanding,
            DraftAnswer draft,
            List<Escalation> escalations,
            int failedAttempts,
            String pendingSlot,
            String orderNumber) {}
}
