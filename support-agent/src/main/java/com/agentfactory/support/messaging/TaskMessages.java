package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.support.conversation.Channel;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.escalation.CustomerProfile;
import java.util.UUID;

/** A task's customer message as the conversation pipeline takes it; the task id is its author. */
final class TaskMessages {

    private TaskMessages() {}

    static InboundMessage message(
            String text,
            UUID conversationId,
            UUID customerId,
            String customerEmail,
            String orderNumber,
            String category,
            TaskContext context) {
        return new InboundMessage(
                conversationId,
                Channel.TASK,
                new CustomerProfile(customerId),
                customerEmail,
                null,
                text,
                "task:" + context.taskId(),
                category,
                blankToNull(orderNumber),
                false,
                null);
    }

    /** A customer message task ({@code answer-customer-message}, {@code handle-complaint}) filed under {@code category}. */
    static InboundMessage message(CustomerMessageTask input, String category, TaskContext context) {
        return message(
                input.message(),
                input.conversationId(),
                input.customerId(),
                input.customerEmail(),
                input.orderNumber(),
                category,
                context);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
