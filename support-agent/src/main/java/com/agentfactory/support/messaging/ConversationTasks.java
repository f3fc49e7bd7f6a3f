package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.support.conversation.ConversationNotFoundException;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.conversation.InvalidMessageException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs a task's message through the conversation pipeline; input it can never accept fails the task at once. */
@Component
class ConversationTasks {

    private final ConversationService conversations;
    private final JsonMapper json;

    ConversationTasks(ConversationService conversations, JsonMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    JsonNode handle(InboundMessage message) {
        try {
            return json.valueToTree(conversations.handle(message));
        } catch (InvalidMessageException e) {
            throw new NonRetryableTaskException("'message' " + e.getMessage());
        } catch (ConversationNotFoundException e) {
            throw new NonRetryableTaskException(e.getMessage());
        }
    }
}
