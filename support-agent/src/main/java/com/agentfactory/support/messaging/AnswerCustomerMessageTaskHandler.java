package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Task {@code answer-customer-message}: a customer message from any channel: answered, or escalated to a person with the reasons recorded. */
@Component
class AnswerCustomerMessageTaskHandler implements AgentTaskHandler {

    private final ConversationTasks conversations;

    AnswerCustomerMessageTaskHandler(ConversationTasks conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "answer-customer-message";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        return conversations.handle(
                SupportTaskInput.message(task.input(), null, null, task.taskId().toString()));
    }
}
