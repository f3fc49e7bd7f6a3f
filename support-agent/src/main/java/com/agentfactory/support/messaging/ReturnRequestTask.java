package com.agentfactory.support.messaging;

import static com.agentfactory.support.conversation.MessageLimits.MAX_EMAIL_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_ORDER_NUMBER_CHARS;
import static com.agentfactory.support.conversation.MessageLimits.MAX_TEXT_CHARS;

import com.agentfactory.support.returns.ReturnItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A customer wants to return something ({@code process-return-request}).
 *
 * @param orderNumber the order the items came from, if known; without it no return can be authorised
 * @param message the customer's own words, absent to say "I would like to return ..."
 * @param items what comes back; absent or empty for everything on the order not yet returned
 * @param customerId the customer, absent for a guest; VIP status comes from the agent's configured VIP ids for this
 *     id, never from the input (a {@code customer_tier} sent is ignored, see {@link CustomerMessageTask})
 */
record ReturnRequestTask(
        @Size(max = MAX_ORDER_NUMBER_CHARS) String orderNumber,
        @Size(max = MAX_TEXT_CHARS) String message,
        @Size(max = 1000) List<@Valid @NotNull Item> items,
        UUID conversationId,
        UUID customerId,

        @Email @Size(max = MAX_EMAIL_CHARS) String customerEmail) {

    /** One product to send back: its SKU on the order and how many. */
    record Item(
            @NotBlank @Size(max = 64) String sku,
            @Positive @Max(100_000) int quantity) {}

    List<ReturnItem> returnItems() {
        return items == null
                ? List.of()
                : items.stream()
                        .map(item -> new ReturnItem(item.sku(), item.quantity()))
                        .toList();
    }
}
