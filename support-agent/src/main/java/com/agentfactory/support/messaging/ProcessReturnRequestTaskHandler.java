package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.returns.ReturnAuthorisation;
import com.agentfactory.support.returns.ReturnAuthorisationResponse;
import com.agentfactory.support.returns.ReturnOutcome;
import com.agentfactory.support.returns.ReturnService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task {@code process-return-request}: authorises the return when the order is known and returnable (lines,
 * refund, and the {@code return_authorised} event for finance), files the request on a return ticket for the
 * desk and answers with the return instructions. Items that are not on the order, or more than is left to
 * return, fail the task as invalid input and nothing is stored.
 *
 * <p>The runtime skips a task delivered again under the same message id, but the supervisor requeues one under a new
 * message id when its report was lost: the task is then answered as it was the first time, from the same conversation
 * and ticket and with the return it authorised, rather than a second return being authorised.
 */
@Component
class ProcessReturnRequestTaskHandler implements TaskHandler<ReturnRequestTask, ReturnRequestResponse> {

    private static final String CATEGORY = "return";

    private final ConversationService conversations;
    private final ReturnService returns;

    ProcessReturnRequestTaskHandler(ConversationService conversations, ReturnService returns) {
        this.conversations = conversations;
        this.returns = returns;
    }

    @Override
    public String taskType() {
        return "process-return-request";
    }

    @Override
    public String description() {
        return "Authorises a customer's return (lines and refund amount, announced on support.returns for finance), "
                + "files it on a return ticket and answers with the return instructions.";
    }

    @Override
    public ReturnRequestTask example() {
        return new ReturnRequestTask(
                "536397",
                "I would like to return the lamp, it does not fit my desk.",
                List.of(new ReturnRequestTask.Item("22727", 1)),
                null,
                null,
                null);
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
        // The turn (understanding, retrieval, perhaps the LLM) runs first and the return is authorised after it: the
        // runtime runs the whole task in one transaction, so the order's lock the authorisation takes is held until
        // the task ends, and taken first it would hold up the order's cancellations and receipts, and pin a connection
        // while the reply is drafted. Nothing in the turn depends on the authorisation, and an item the order cannot
        // give back still fails the task, rolling back the turn with it.
        var reply = conversations.handle(onceForTask(
                TaskMessages.message(
                        text,
                        input.conversationId(),
                        input.customerId(),
                        input.customerEmail(),
                        orderNumber,
                        CATEGORY,
                        context),
                context));
        ReturnAuthorisation authorisation = null;
        String notCreated = null;
        if (orderNumber == null) {
            notCreated = "no order number was given";
        } else {
            // a platform task may return any order, though not one of another customer than it names
            switch (returns.authorise(
                    orderNumber, input.customerId(), true, input.returnItems(), text, context.taskId())) {
                case ReturnOutcome.Authorised authorised -> authorisation = authorised.authorisation();
                case ReturnOutcome.Refused refused -> notCreated = refused.reason();
            }
        }
        if (authorisation != null) {
            returns.linkTicket(authorisation.returnId(), reply.ticketId());
            authorisation = returns.read(authorisation.returnId(), null, true);
        }
        return ReturnRequestResponse.of(
                reply,
                orderNumber,
                authorisation == null ? null : ReturnAuthorisationResponse.of(authorisation),
                notCreated);
    }

    // the task id as the message's own id: the conversation answers a second run with the reply the first one got
    private static InboundMessage onceForTask(InboundMessage message, TaskContext context) {
        return new InboundMessage(
                message.conversationId(),
                message.channel(),
                message.customer(),
                message.customerEmail(),
                message.subject(),
                message.text(),
                message.authorId(),
                message.category(),
                message.orderNumber(),
                message.staff(),
                context.taskId().toString());
    }
}
