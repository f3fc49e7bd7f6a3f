package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Task {@code handle-complaint}: a complaint: the ticket is categorised as one; the escalation rules decide whether a person takes it. */
@Component
class HandleComplaintTaskHandler implements AgentTaskHandler {

    private final ConversationTasks conversations;

    HandleComplaintTaskHandler(ConversationTasks conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "handle-complaint";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        return conversations.handle(SupportTaskInput.message(
                task.input(), null, "complaint", task.taskId().toString()));
    }
}
