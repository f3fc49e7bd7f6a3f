package com.agentfactory.support.chat;

import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The length limit is configurable and checked by the service; this bound only stops absurd bodies early. */
record SendMessageRequest(
        @NotBlank(message = "must not be empty") @Size(max = MAX_TEXT_CHARS)
        String text,

        UUID conversationId,
        @Size(max = MAX_ORDER_NUMBER_CHARS) String orderNumber) {}
