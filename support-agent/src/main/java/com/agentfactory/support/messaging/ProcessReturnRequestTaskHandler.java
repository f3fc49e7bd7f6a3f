package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.support.conversation.ConversationService;
import org.springframework.stereotype.Component;

/**
 * Task {@code process-return-request}: answers with the return instructions and files the request on a return
 * ticket for the desk. It creates no return authorisation (see {@link ReturnRequestResponse}).
 */
@Component
class ProcessReturnRequestTaskHandler implements TaskHandler<ReturnRequestTask, ReturnRequestResponse> {

    private static final String CATEGORY = "return";

    private final ConversationService conversations;

    ProcessReturnRequestTaskHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "process-return-request";
    }

    @Override
    public String description() {
        return "Files a customer's return request on a return ticket and answers with the return instructions; "
                + "it does not create a return authorisation.";
    }

    @Override
    public ReturnRequestTask example() {
        return new ReturnRequestTask(
                "536397", "I would like to return the lamp, it does not fit my desk.", null, null, null, null);
    }

    @Override
    public ReturnRequestResponse handle(ReturnRequestTask input, TaskContext context) {
        String orderNumber = TaskMessages.blankToNull(input.orderNumber());
        String text = TaskMessages.blankToNull(input.message());
        if (text == null) {
            text = orderNumber == null
                    ? "I would like to return an item."
                    : "I would like to return items from order " + orderNumber + ".";
        }
        var reply = conversations.handle(TaskMessages.message(
                text,
                input.conversationId(),
                input.customerId(),
                input.customerTier(),
                input.customerEmail(),
                orderNumber,
                CATEGORY,
                context));
        return ReturnRequestResponse.of(reply, orderNumber);
    }
}
