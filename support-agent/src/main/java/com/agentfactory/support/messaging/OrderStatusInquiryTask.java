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
 * Where is an order ({@code order-status-inquiry}).
 *
 * @param message the customer's own words, absent to ask "Where is my order ...?"
 */
record OrderStatusInquiryTask(
        @NotBlank(message = "must not be empty") @Size(max = MAX_ORDER_NUMBER_CHARS)
        String orderNumber,

        @Size(max = MAX_TEXT_CHARS) String message,
        UUID conversationId,
        UUID customerId,

        @Size(max = MAX_TIER_CHARS) @Pattern(regexp = TIER_PATTERN)
        String customerTier,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail) {}
