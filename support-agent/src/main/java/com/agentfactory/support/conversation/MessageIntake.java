package com.agentfactory.support.conversation;

import com.agentfactory.support.privacy.CustomerAddresses;
import com.agentfactory.support.ticket.TicketTracker;
import com.agentfactory.support.transcript.TranscriptRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a customer message in: refuses what no pipeline can use, then commits it (with a new conversation and
 * ticket, or into the caller's own conversation) before anything else happens, so nothing is lost if analysis
 * fails.
 */
@Component
class MessageIntake {

    private final ConversationRepository conversations;
    private final TranscriptRepository transcripts;
    private final TicketTracker tickets;
    private final CustomerAddresses addresses;
    private final ConversationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MessageIntake(
            ConversationRepository conversations,
            TranscriptRepository transcripts,
            TicketTracker tickets,
            CustomerAddresses addresses,
            ConversationProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.tickets = tickets;
        this.addresses = addresses;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @return the stored message, or empty when the channel delivered it before (the same sender and external id):
     *     nothing is stored then, no conversation and no ticket opened
     */
    Optional<Received> receive(InboundMessage message) {
        MessageValidator.validate(message.channel().textField(), message.text(), properties.maxMessageChars());
        return Optional.ofNullable(transactions.execute(status -> store(message)));
    }

    private Received store(InboundMessage message) {
        if (message.externalId() != null) {
            transcripts.lockDelivery(message.authorId(), message.externalId());
            if (transcripts
                    .findDelivery(message.authorId(), message.externalId())
                    .isPresent()) {
                return null;
            }
        }
        Instant now = clock.instant();
        // the customer's shared lock before anything is stored under them, held to the commit: an erasure under way
        // commits first and the message is then kept under no one, and one starting later waits and finds all of it.
        // Taken after a new conversation was inserted, an erasure under way would miss that conversation. A mail
        // names no customer, only an address: the locks of those it is known for, as its turn takes them. Without
        // them a mail committing during an erasure that had already deleted the address kept it and its text, and no
        // later erasure would find them.
        UUID namedCustomer = message.customer().customerId();
        boolean erased = namedCustomer != null
                ? addresses.isErased(namedCustomer)
                : addresses.isAnyErasedKnownBy(message.customerEmail());
        InboundMessage stored = erased ? message.withoutCustomer() : message;
        UUID customerId = stored.customer().customerId();
        Conversation conversation;
        UUID ticketId;
        if (stored.conversationId() == null) {
            UUID id = UUID.randomUUID();
            conversations.create(id, stored, now);
            if (customerId != null) {
                // the address a task names its customer by is one of theirs: the mails they send from it come in as
                // a guest's, and their export and erasure find those through the customer's addresses
                addresses.rememberNamedByTask(customerId, stored.customerEmail(), now);
            }
            ticketId = tickets.open(id, customerId, stored.category(), now);
            conversation = new Conversation(
                    id,
                    stored.channel(),
                    customerId,
                    stored.customerEmail(),
                    stored.subject(),
                    0,
                    null,
                    null,
                    null,
                    stored.orderNumber(),
                    now);
        } else {
            conversation = conversations
                    .lock(stored.conversationId())
                    .filter(found -> found.mayBeContinuedBy(customerId))
                    .orElseThrow(() -> new ConversationNotFoundException(stored.conversationId()));
            ticketId = tickets.ofConversation(conversation.id());
        }
        UUID messageId = transcripts.appendCustomer(
                conversation.id(), stored.authorId(), stored.text(), stored.externalId(), now);
        return new Received(conversation, ticketId, messageId, now);
    }
}
