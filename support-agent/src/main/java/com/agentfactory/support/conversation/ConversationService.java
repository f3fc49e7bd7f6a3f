package com.agentfactory.support.conversation;

import com.agentfactory.support.transcript.TranscriptMessage;
import com.agentfactory.support.transcript.TranscriptRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One turn of a conversation on any channel: the message is taken in and committed first, understood and
 * answered outside any transaction, and the outcome committed in a second one. A failure in between hands the
 * conversation to a person instead of answering with an error; a message left RECEIVED by a process that died
 * mid-turn is handed over by {@link UnansweredMessages}.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    private final MessageIntake intake;
    private final AnswerDrafter drafter;
    private final TurnRecorder recorder;
    private final ConversationRepository conversations;
    private final TranscriptRepository transcripts;
    private final ConversationMetrics metrics;
    private final JsonMapper json;

    ConversationService(
            MessageIntake intake,
            AnswerDrafter drafter,
            TurnRecorder recorder,
            ConversationRepository conversations,
            TranscriptRepository transcripts,
            ConversationMetrics metrics,
            JsonMapper json) {
        this.intake = intake;
        this.drafter = drafter;
        this.recorder = recorder;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * @throws MessageStillBeingAnsweredException when the channel delivered the message before and its first
     *     delivery is still being answered
     */
    public Reply handle(InboundMessage message) {
        Optional<Received> received = intake.receive(message);
        if (received.isEmpty()) {
            return earlierReply(message);
        }
        Reply reply = answer(received.get(), message);
        metrics.record(message.channel(), reply);
        return reply;
    }

    // a repeat gets what the first delivery got, so whoever sends the reply on sends the same one (or, having sent it
    // before timing out, the same one again) rather than a second answer from a second ticket
    private Reply earlierReply(InboundMessage message) {
        var delivery = transcripts
                .findDelivery(message.authorId(), message.externalId())
                .orElseThrow(() -> new IllegalStateException("a repeated message is stored"));
        if (delivery.outcomeJson() == null) {
            throw new MessageStillBeingAnsweredException(message.externalId());
        }
        return json.readValue(delivery.outcomeJson(), Reply.class);
    }

    private Reply answer(Received received, InboundMessage message) {
        DraftedTurn turn;
        try {
            turn = drafter.draft(received, message);
        } catch (RuntimeException e) {
            log.error("Message {} could not be processed; handed to a person", received.messageId(), e);
            return recorder.handOverAfterFailure(received, e);
        }
        try {
            return recorder.record(received, message, turn);
        } catch (RuntimeException e) {
            // the turn's transaction rolled back, so the message is still RECEIVED: hand it over now, and should that
            // fail as well, UnansweredMessages hands it over once it is overdue
            log.error("The turn of message {} could not be recorded; handed to a person", received.messageId(), e);
            return recorder.handOverAfterFailure(received, e);
        }
    }

    /** Any conversation, for support agents and for threading mail. */
    public Optional<Conversation> findAny(UUID conversationId) {
        return conversations.find(conversationId);
    }

    /**
     * The conversation the caller may read or write into, else not found (never "forbidden", so nobody learns
     * that someone else's conversation exists): staff any, a customer only their own.
     */
    public Conversation visibleTo(UUID conversationId, UUID customerId, boolean staff) {
        return findAny(conversationId)
                .filter(conversation -> conversation.openTo(customerId, staff))
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    /** A chat message: one that continues a conversation must come from someone the conversation is open to. */
    public Reply handleChat(InboundMessage message, boolean staff) {
        if (message.conversationId() != null) {
            visibleTo(message.conversationId(), message.customer().customerId(), staff);
        }
        return handle(message);
    }

    public List<TranscriptMessage> transcript(UUID conversationId) {
        return transcripts.transcript(conversationId);
    }
}
