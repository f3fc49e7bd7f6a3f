package com.agentfactory.support.messaging;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TIER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.TIER_PATTERN;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A customer wants to return something ({@code process-return-request}).
 *
 * @param orderNumber the order the items came from, if known
 * @param message the customer's own words, absent to say "I would like to return ..."
 */
record ReturnRequestTask(
        @Size(max = MAX_ORDER_NUMBER_CHARS) String orderNumber,
        @Size(max = MAX_TEXT_CHARS) String message,
        UUID conversationId,
        UUID customerId,

        @Size(max = MAX_TIER_CHARS) @Pattern(regexp = TIER_PATTERN)
        String customerTier,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail) {}
