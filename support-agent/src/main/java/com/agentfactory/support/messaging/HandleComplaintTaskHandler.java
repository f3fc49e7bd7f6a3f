package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.Reply;
import org.springframework.stereotype.Component;

/** Task {@code handle-complaint}: the ticket is categorised as a complaint; the escalation rules decide who takes it. */
@Component
class HandleComplaintTaskHandler implements TaskHandler<CustomerMessageTask, Reply> {

    private static final String CATEGORY = "complaint";

    private final ConversationService conversations;

    HandleComplaintTaskHandler(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Override
    public String taskType() {
        return "handle-complaint";
    }

    @Override
    public String description() {
        return "Records a customer's complaint on a complaint ticket and answers it, or hands it to a person.";
    }

    @Override
    public CustomerMessageTask example() {
        return new CustomerMessageTask(
                "My parcel arrived broken and nobody has answered my e-mails.", null, null, null, null);
    }

    @Override
    public Reply handle(CustomerMessageTask input, TaskContext context) {
        return conversations.handle(TaskMessages.message(input, CATEGORY, context));
    }
}
