package com.agentfactory.support.messaging;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TIER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.TIER_PATTERN;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A customer's message for the support agent ({@code answer-customer-message}, {@code handle-complaint}). The chat
 * API takes the customer from the gateway; a task names it, so the shapes differ while the limits are the same.
 *
 * @param conversationId the conversation it continues, absent to start one
 * @param customerId the customer, absent for a guest
 * @param customerTier the customer's tier (VIP tiers are handed to a person)
 * @param orderNumber an order the message is known to be about
 */
record CustomerMessageTask(
        @NotBlank(message = "must not be empty") @Size(max = MAX_TEXT_CHARS)
        String message,

        UUID conversationId,
        UUID customerId,

        @Size(max = MAX_TIER_CHARS) @Pattern(regexp = TIER_PATTERN)
        String customerTier,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail,
        @Size(max = MAX_ORDER_NUMBER_CHARS) String orderNumber) {}
