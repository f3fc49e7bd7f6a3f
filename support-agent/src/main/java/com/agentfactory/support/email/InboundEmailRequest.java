package com.agentfactory.support.email;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record InboundEmailRequest(
        @NotBlank(message = "must not be empty") @Email @Size(max = MAX_EMAIL_CHARS)
        String from,

        @Size(max = 500) String subject,

        @NotBlank(message = "must not be empty") @Size(max = MAX_TEXT_CHARS)
        String body) {}
