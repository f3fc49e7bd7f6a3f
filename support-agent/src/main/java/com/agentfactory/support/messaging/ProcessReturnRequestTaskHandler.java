package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Task {@code process-return-request}: optional {@code order_number} and {@code message}. Answers with the
 * return instructions; the ticket is categorised as a return so the desk can follow it.
 */
@Component
class ProcessReturnRequestTaskHandler implements AgentTaskHandler {

    private final ConversationTasks conversations;

    ProcessReturnRequestTaskHandler(ConversationTasks conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "process-return-request";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        String orderNumber = SupportTaskInput.text(task.input(), "order_number");
        String defaultText = orderNumber == null
                ? "I would like to return an item."
                : "I would like to return items from order " + orderNumber + ".";
        return conversations.handle(SupportTaskInput.message(
                task.input(), defaultText, "return", task.taskId().toString()));
    }
}
