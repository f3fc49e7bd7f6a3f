package com.agentfactory.support.messaging;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A customer's message for the support agent ({@code answer-customer-message}, {@code handle-complaint}). The chat
 * API takes the customer from the gateway; a task names it, so the shapes differ while the limits are the same.
 *
 * <p>No task input carries a customer tier. Whether a customer is a VIP, and so handed to a person whatever they
 * ask, is the agent's own configuration (its VIP customer ids, matched on {@code customer_id}), the same as for the
 * chat: a tier in the input would let whoever files the task make any customer a VIP and jump the desk's queue. A
 * {@code customer_tier} still sent is ignored like every field the record does not have (task input is read with
 * unknown fields ignored, and the announced schema does not forbid other properties), not refused: it grants
 * nothing any more, and refusing it would fail tasks already queued, or filed by callers written before it went,
 * without making anything safer.
 *
 * @param conversationId the conversation it continues, absent to start one
 * @param customerId the customer, absent for a guest; a customer on the configured VIP list is handed to a person
 * @param orderNumber an order the message is known to be about
 */
record CustomerMessageTask(
        @NotBlank(message = "must not be empty") @Size(max = MAX_TEXT_CHARS)
        String message,

        UUID conversationId,
        UUID customerId,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail,
        @Size(max = MAX_ORDER_NUMBER_CHARS) String orderNumber) {}
