package com.agentfactory.support.email;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A mail as the gateway received it.
 *
 * @param messageId the mail's Message-ID (RFC 5322), angle brackets optional: a mail posted again with the same id from
 *     the same sender, as a gateway does after a timeout, gets the reply the first post got instead of a second ticket
 */
record InboundEmailRequest(
        @NotBlank(message = "must not be empty") @Email @Size(max = MAX_EMAIL_CHARS)
        String from,

        @Size(max = 500) String subject,

        @NotBlank(message = "must not be empty") @Size(max = MAX_TEXT_CHARS)
        String body,

        // Optional, so gateways that send none keep working (a retry of theirs is still taken in twice); RFC 5322 caps
        // a header line at 998 characters
        @Size(max = 998) String messageId) {}
