package com.agentfactory.support.conversation;

import com.agentfactory.support.ticket.TicketTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands to a person the customer messages that were stored but never answered: intake commits a message before it
 * is understood, so a process that dies (or a database that fails) before the turn is recorded leaves it RECEIVED,
 * its ticket OPEN and out of the desk's queue, and nobody would ever reply. Such a message is not answered again by
 * the bot: whatever stopped its turn may stop it again, and the customer has waited long enough for a person.
 *
 * <p>Safe on every instance: a message is taken under its conversation's lock, skipping conversations another
 * instance or a live turn holds, and the turn recorder hands a message over only while it is still RECEIVED.
 */
@Component
class UnansweredMessages implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UnansweredMessages.class);

    private final ConversationRepository conversations;
    private final TicketTracker tickets;
    private final TurnRecorder recorder;
    private final ConversationMetrics metrics;
    private final UnansweredMessageProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UnansweredMessages(
            ConversationRepository conversations,
            TicketTracker tickets,
            TurnRecorder recorder,
            ConversationMetrics metrics,
            UnansweredMessageProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.recorder = recorder;
        this.metrics = metrics;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::handOverAll, properties.sweepInterval());
    }

    /** Hands over what is overdue, oldest first, at most a batch per pass. */
    void handOverAll() {
        try {
            int handedOver = 0;
            while (handedOver < properties.batchSize() && handOverOldest()) {
                handedOver++;
            }
        } catch (RuntimeException e) {
            // the next pass tries again; the database being unreachable is alerted on by itself
            log.warn("Unanswered messages not handed over: {}", e.getMessage());
        }
    }

    // true when an overdue message was found, whether this pass or a turn finishing meanwhile settled it
    private boolean handOverOldest() {
        Instant cutoff = clock.instant().minus(properties.after());
        String detail = "not answered within "
                + properties.after().toString().substring(2).toLowerCase(Locale.ROOT)
                + ": its processing was interrupted";
        Optional<Handed> found = transactions.execute(status -> conversations
                .lockOldestUnanswered(cutoff)
                .map(unanswered -> new Handed(
                        unanswered,
                        recorder.handOverUnanswered(
                                new Received(
                                        unanswered.conversation(),
                                        tickets.ofConversation(
                                                unanswered.conversation().id()),
                                        unanswered.messageId(),
                                        unanswered.receivedAt()),
                                detail))));
        if (found == null || found.isEmpty()) {
            return false;
        }
        Handed handed = found.get();
        handed.reply().ifPresent(reply -> {
            log.warn(
                    "Message {} received at {} was never answered; handed to a person",
                    handed.unanswered().messageId(),
                    handed.unanswered().receivedAt());
            metrics.record(handed.unanswered().conversation().channel(), reply);
        });
        return true;
    }

    private record Handed(ConversationRepository.Unanswered unanswered, Optional<Reply> reply) {}
}
