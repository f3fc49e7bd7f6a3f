package com.agentfactory.support.conversation;

import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.language.ReplyPhrases;
import com.agentfactory.support.privacy.CustomerAddresses;
import com.agentfactory.support.ticket.TicketStatus;
import com.agentfactory.support.ticket.TicketTracker;
import com.agentfactory.support.ticket.TicketTurn;
import com.agentfactory.support.touchpoint.TouchpointReporter;
import com.agentfactory.support.transcript.MessageRole;
import com.agentfactory.support.transcript.ReplySource;
import com.agentfactory.support.transcript.TranscriptRepository;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commits a turn's outcome in one transaction: the analysis on the message, the reply in the transcript, the
 * conversation's state, the ticket's, and the touchpoint for a known customer. A turn whose customer was erased after
 * its message was taken in is recorded as their erasure left the conversation.
 */
@Component
class TurnRecorder {

    static final String BOT_ID = "support-agent";

    private final ConversationRepository conversations;
    private final EscalationCheck escalation;
    private final TranscriptRepository transcripts;
    private final TicketTracker tickets;
    private final TouchpointReporter touchpoints;
    private final CustomerAddresses addresses;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ReplyPhrases phrases;
    private final Clock clock;

    TurnRecorder(
            ConversationRepository conversations,
            EscalationCheck escalation,
            TranscriptRepository transcripts,
            TicketTracker tickets,
            TouchpointReporter touchpoints,
            CustomerAddresses addresses,
            TransactionTemplate transactions,
            JsonMapper json,
            ReplyPhrases phrases,
            Clock clock) {
        this.conversations = conversations;
        this.escalation = escalation;
        this.transcripts = transcripts;
        this.tickets = tickets;
        this.touchpoints = touchpoints;
        this.addresses = addresses;
        this.transactions = transactions;
        this.json = json;
        this.phrases = phrases;
        this.clock = clock;
    }

    Reply record(Received received, InboundMessage message, DraftedTurn turn) {
        return Objects.requireNonNull(transactions.execute(status -> write(received, message, turn)));
    }

    /** A message the pipeline failed on: kept, marked FAILED, and handed to a person with a polite reply. */
    Reply handOverAfterFailure(Received received, RuntimeException failure) {
        String detail = "processing failed: " + failure.getClass().getSimpleName();
        return Objects.requireNonNull(transactions.execute(
                status -> writeHandOver(received, detail).orElseGet(() -> handedOverMeanwhile(received))));
    }

    /**
     * A message whose turn never finished, handed to a person as if it had failed; empty when its turn was recorded
     * after all (the message is no longer RECEIVED).
     */
    Optional<Reply> handOverUnanswered(Received received, String detail) {
        return Objects.requireNonNull(transactions.execute(status -> writeHandOver(received, detail)));
    }

    private Reply write(Received received, InboundMessage message, DraftedTurn turn) {
        Instant now = clock.instant();
        UUID conversationId = received.conversation().id();
        // the message was committed and the turn drafted outside any transaction, so the customer may have been
        // erased since. Their shared lock before the conversation's, as intake takes them, held to the commit: an
        // erasure under way commits first and is seen here, one starting later waits and finds the whole turn (had
        // the turn the conversation first, the erasure's update of its messages would miss the reply added under it).
        // A mail names no customer, only an address: the locks of those it is known for, and an erasure that
        // committed before shows as the address taken off the conversation
        UUID customerId = received.conversation().customerId();
        boolean customerErased = customerId != null
                ? addresses.isErased(customerId)
                : addresses.isAnyErasedKnownBy(received.conversation().customerEmail());
        Conversation current = conversations
                .lock(conversationId)
                .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " is stored"));
        boolean erased = customerErased || lostItsCustomer(received.conversation(), current);
        // decided on the conversation as it is under the lock, not as it was at intake: a turn of the same
        // conversation recorded meanwhile has counted its failed attempt, and this one counts on top of it, so the
        // message that reaches the limit is the one handed over
        EscalationCheck.Decision decision = escalation.decide(message, current, turn);
        MessageUnderstanding understanding = turn.understanding();
        List<Reply.IntentView> intents = intentViews(understanding);
        List<Reply.EntityView> entities = entityViews(understanding);
        String intentsJson = json.writeValueAsString(intents);
        // nothing the customer wrote or was told is put back: what the erasure leaves in these columns, and nothing
        // would find it again for a later erasure to remove
        String entitiesJson = erased ? null : json.writeValueAsString(entities);
        boolean stillReceived = transcripts.markProcessed(
                received.messageId(),
                understanding.language().orElse(null),
                intentsJson,
                entitiesJson,
                understanding.sentiment().score());
        if (!stillReceived) {
            // a turn that outlived the unanswered-message limit: the message went to a person meanwhile, and a
            // second answer would contradict the hand-over the customer was sent
            return handedOverMeanwhile(received);
        }
        TicketTurn ticket = tickets.customerTurn(
                received.ticketId(),
                received.messageId(),
                intentsJson,
                entitiesJson,
                erased ? null : turn.draft().text(),
                erased ? erasedDetails(decision.escalations()) : decision.escalations(),
                now);
        Replies.Chosen reply = Replies.choose(
                ticket.handling(),
                decision.escalations(),
                turn.draft(),
                phrases,
                understanding.language().orElse(null));
        transcripts.append(
                conversationId,
                MessageRole.BOT,
                erased ? null : BOT_ID,
                erased ? CustomerAddresses.ERASED : reply.text(),
                reply.source(),
                now);
        if (customerId != null && !erased) {
            touchpoints.answered(
                    received.messageId(),
                    received.conversation().customerId(),
                    received.conversation().channel().name(),
                    received.receivedAt(),
                    now);
        }
        conversations.recordTurn(
                conversationId,
                decision.failedAttempts(),
                understanding.topIntent().map(IntentScore::intent).orElse(null),
                understanding.topIntent().map(IntentScore::confidence).orElse(null),
                turn.pendingSlot(),
                erased ? null : turn.orderNumber(),
                now);
        Reply answered = new Reply(
                conversationId,
                received.ticketId(),
                received.messageId(),
                reply.text(),
                ticket.status(),
                ticket.escalatedNow(),
                ticket.escalatedNow() ? reasonViews(decision.escalations()) : List.of(),
                understanding.language().orElse(null),
                intents,
                entities,
                understanding.sentiment().score(),
                reply.source(),
                turn.draft().sources().stream()
                        .map(p -> new Reply.SourceView(
                                p.passage().id(),
                                p.passage().articleTitle(),
                                p.passage().heading(),
                                p.score()))
                        .toList());
        // the reply is still the caller's answer, but not kept for a redelivery: the erasure drops those too
        return erased ? answered : kept(answered);
    }

    private static boolean lostItsCustomer(Conversation atIntake, Conversation now) {
        return (atIntake.customerId() != null && now.customerId() == null)
                || (atIntake.customerEmail() != null && now.customerEmail() == null);
    }

    private static List<Escalation> erasedDetails(List<Escalation> escalations) {
        return escalations.stream()
                .map(e -> new Escalation(e.reason(), CustomerAddresses.ERASED))
                .toList();
    }

    // only a message still RECEIVED is handed over: under the conversation's lock, so a turn recorded or handed over
    // by another thread or instance in the meantime is not handed over a second time
    private Optional<Reply> writeHandOver(Received received, String detail) {
        Instant now = clock.instant();
        UUID conversationId = received.conversation().id();
        conversations.lock(conversationId);
        if (!transcripts.markFailed(received.messageId())) {
            return Optional.empty();
        }
        String reply = Replies.afterFailure(phrases, lastLanguage(received));
        transcripts.append(conversationId, MessageRole.BOT, BOT_ID, reply, ReplySource.HANDOVER, now);
        TicketTurn ticket = tickets.processingFailed(received.ticketId(), received.messageId(), detail, now);
        return Optional.of(kept(handOverReply(
                received,
                reply,
                ticket.status(),
                ticket.escalatedNow()
                        ? List.of(new Reply.ReasonView(EscalationReason.PROCESSING_FAILED.name(), detail))
                        : List.of())));
    }

    // a channel that may deliver the message again (it gave the message an id) gets this same reply for it then
    private Reply kept(Reply reply) {
        transcripts.recordOutcome(reply.messageId(), json.writeValueAsString(reply));
        return reply;
    }

    private Reply handedOverMeanwhile(Received received) {
        return handOverReply(
                received,
                Replies.afterFailure(phrases, lastLanguage(received)),
                tickets.status(received.ticketId()),
                List.of());
    }

    // the message handed over was never understood, so its own language is unknown: the customer's last one is the
    // best guess, as a customer rarely changes language within a conversation
    private String lastLanguage(Received received) {
        return transcripts.lastCustomerLanguage(received.conversation().id()).orElse(null);
    }

    private static Reply handOverReply(
            Received received, String reply, TicketStatus status, List<Reply.ReasonView> reasons) {
        return new Reply(
                received.conversation().id(),
                received.ticketId(),
                received.messageId(),
                reply,
                status,
                !reasons.isEmpty(),
                reasons,
                null,
                List.of(),
                List.of(),
                0,
                ReplySource.HANDOVER,
                List.of());
    }

    private static List<Reply.ReasonView> reasonViews(List<Escalation> escalations) {
        return escalations.stream()
                .map(e -> new Reply.ReasonView(e.reason().name(), e.detail()))
                .toList();
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
}
