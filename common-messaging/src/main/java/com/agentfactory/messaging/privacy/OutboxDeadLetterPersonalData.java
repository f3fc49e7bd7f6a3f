package com.agentfactory.messaging.privacy;

import com.agentfactory.messaging.outbox.OutboxDeadLetters;
import java.util.UUID;

/**
 * The outbox's dead letters as a holder of personal data: a message the relay moved aside keeps its whole payload,
 * which may name the customer (a task's input, a commerce event, a privacy report). Every service's privacy listener
 * erases them with the service's own holders (see {@code MessagingAutoConfiguration}), so no service needs code of
 * its own for them. Only dead letters that name the customer's id are found; the rest go with their retention.
 */
public final class OutboxDeadLetterPersonalData implements PersonalDataHolder {

    private final OutboxDeadLetters deadLetters;

    public OutboxDeadLetterPersonalData(OutboxDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Nothing: a dead letter is a message built from records the services' holders export, and is mostly one Kafka
     * refused for its size (an export's report among them), which would make the customer's own export too large to
     * report.
     */
    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.none();
    }

    @Override
    public long erase(UUID customerId) {
        return deadLetters.deleteNaming(customerId);
    }
}
