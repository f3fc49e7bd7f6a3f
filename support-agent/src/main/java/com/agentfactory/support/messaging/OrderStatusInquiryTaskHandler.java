package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.Reply;
import org.springframework.stereotype.Component;

/** Task {@code order-status-inquiry}: where an order is, answered from the order read model. */
@Component
class OrderStatusInquiryTaskHandler implements TaskHandler<OrderStatusInquiryTask, Reply> {

    private static final String CATEGORY = "order_status";

    private final ConversationService conversations;

    OrderStatusInquiryTaskHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "order-status-inquiry";
    }

    @Override
    public String description() {
        return "Tells a customer where their order is, from the orders the storefront announced.";
    }

    @Override
    public OrderStatusInquiryTask example() {
        return new OrderStatusInquiryTask("536397", null, null, null, null);
    }

    @Override
    public Reply handle(OrderStatusInquiryTask input, TaskContext context) {
        String orderNumber = input.orderNumber().strip();
        String text = TaskMessages.blankToNull(input.message());
        return conversations.handle(TaskMessages.message(
                text == null ? "Where is my order " + orderNumber + "?" : text,
                input.conversationId(),
                input.customerId(),
                input.customerEmail(),
                orderNumber,
                CATEGORY,
                context));
    }
}
