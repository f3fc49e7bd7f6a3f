package com.agentfactory.support.testdata;

import com.agentfactory.support.conversation.Channel;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.escalation.CustomerProfile;
import java.util.UUID;

/** Customer messages as each channel hands them to the conversation pipeline. */
public final class InboundMessageMother {

    private InboundMessageMother() {}

    /**
     * A task's message about the customer, as the task handlers give it: the task as its author, no id of its own.
     *
     * @param customerEmail the address the task names the customer by, or null
     */
    public static InboundMessage task(UUID customerId, String customerEmail, String text) {
        return new InboundMessage(
                null,
                Channel.TASK,
                new CustomerProfile(customerId),
                customerEmail,
                null,
                text,
                "task:" + UUID.randomUUID(),
                null,
                null,
                false,
                null);
    }

    /**
     * A message of a task that may run again, as a return task gives it: the task as its author and its id as the
     * message's own, so that a run again is answered with the first run's reply.
     */
    public static InboundMessage taskThatMayRunAgain(UUID customerId, UUID taskId, String text) {
        return new InboundMessage(
                null,
                Channel.TASK,
                new CustomerProfile(customerId),
                null,
                null,
                text,
                "task:" + taskId,
                null,
                null,
                false,
                taskId.toString());
    }

    /** A mail, as the mail gateway hands it in: under the sender's address, naming no customer, without a Message-ID. */
    public static InboundMessage mail(String from, String subject, String text) {
        return mail(from, subject, text, null);
    }

    /** As {@link #mail(String, String, String)}, with a Message-ID of its own. */
    public static InboundMessage mailWithMessageId(String from, String subject, String text) {
        return mail(from, subject, text, "<" + UUID.randomUUID() + "@example.com>");
    }

    private static InboundMessage mail(String from, String subject, String text, String messageId) {
        return new InboundMessage(
                null, Channel.EMAIL, CustomerProfile.guest(), from, subject, text, from, null, null, false, messageId);
    }
}
