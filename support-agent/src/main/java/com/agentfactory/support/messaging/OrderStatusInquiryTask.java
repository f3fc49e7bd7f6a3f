package com.agentfactory.support.messaging;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Where is an order ({@code order-status-inquiry}).
 *
 * @param message the customer's own words, absent to ask "Where is my order ...?"
 * @param customerId the customer, absent for a guest; VIP status comes from the agent's configured VIP ids for this
 *     id, never from the input (a {@code customer_tier} sent is ignored, see {@link CustomerMessageTask})
 */
record OrderStatusInquiryTask(
        @NotBlank(message = "must not be empty") @Size(max = MAX_ORDER_NUMBER_CHARS)
        String orderNumber,

        @Size(max = MAX_TEXT_CHARS) String message,
        UUID conversationId,
        UUID customerId,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail) {}
