package com.agentfactory.support.messaging;

import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.support.conversation.Channel;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.escalation.CustomerProfile;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads the common task input: {@code message} (or {@code text}), optional {@code conversation_id},
 * {@code customer_id}, {@code customer_tier}, {@code customer_email}, {@code order_number}.
 */
final class SupportTaskInput {

    private SupportTaskInput() {}

    static InboundMessage message(JsonNode input, String defaultText, String category, String taskId) {
        String text = text(input, "message");
        if (text == null) {
            text = text(input, "text");
        }
        if (text == null) {
            text = defaultText;
        }
        if (text == null) {
            throw new NonRetryableTaskException("input needs a non-empty 'message'");
        }
        UUID customerId = uuid(input, "customer_id");
        return new InboundMessage(
                uuid(input, "conversation_id"),
                Channel.TASK,
                new CustomerProfile(customerId, text(input, "customer_tier")),
                text(input, "customer_email"),
                null,
                text,
                "task:" + taskId,
                category,
                text(input, "order_number"));
    }

    static String text(JsonNode input, String field) {
        JsonNode value = input.path(field);
        return value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : null;
    }

    static UUID uuid(JsonNode input, String field) {
        String value = text(input, field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableTaskException("'" + field + "' must be a UUID");
        }
    }
}
