package com.agentfactory.support.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The length limit is configurable and checked by the service; this bound only stops absurd bodies early. */
record SendMessageRequest(
        @NotBlank(message = "must not be empty") @Size(max = 100_000)
        String text,

        UUID conversationId,
        @Size(max = 64) String orderNumber) {}
