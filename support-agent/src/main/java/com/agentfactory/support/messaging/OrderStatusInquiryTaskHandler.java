package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Task {@code order-status-inquiry}: input {@code order_number}, optional {@code message} and customer fields. */
@Component
class OrderStatusInquiryTaskHandler implements AgentTaskHandler {

    private final ConversationTasks conversations;

    OrderStatusInquiryTaskHandler(ConversationTasks conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "order-status-inquiry";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        String orderNumber = SupportTaskInput.text(task.input(), "order_number");
        if (orderNumber == null) {
            throw new NonRetryableTaskException("input needs an 'order_number'");
        }
        return conversations.handle(SupportTaskInput.message(
                task.input(),
                "Where is my order " + orderNumber + "?",
                "order_status",
                task.taskId().toString()));
    }
}
