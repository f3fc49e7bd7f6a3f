package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.Reply;
import org.springframework.stereotype.Component;

/** Task {@code answer-customer-message}: answered like a chat message, or escalated with the reasons recorded. */
@Component
class AnswerCustomerMessageTaskHandler implements TaskHandler<CustomerMessageTask, Reply> {

    private final ConversationService conversations;

    AnswerCustomerMessageTaskHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "answer-customer-message";
    }

    @Override
    public String description() {
        return "Answers a customer's message from any channel, or hands it to a person with the reasons recorded.";
    }

    @Override
    public CustomerMessageTask example() {
        return new CustomerMessageTask("Do you deliver to Spain, and how long does it take?", null, null, null, null);
    }

    @Override
    public Reply handle(CustomerMessageTask input, TaskContext context) {
        return conversations.handle(TaskMessages.message(input, null, context));
    }
}
