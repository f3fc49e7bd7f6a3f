package com.agentfactory.campaign.inbound;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A text a customer sent to the shop's number, as the SMS provider posts it.
 *
 * @param messageId the provider's id of the message: a message the provider delivers again is acted on once
 * @param from the sender's number in E.164 form, as the customer's profile holds it; a provider's other ways of
 *     writing it are read with the store's numbering ({@link NationalNumbering#international})
 * @param text what they wrote
 */
record InboundSms(
        @Schema(example = "SM5f1c0a7e") @NotBlank @Size(max = 100)
        String messageId,

        @Schema(example = "+447700900123")
        @NotBlank
        @Pattern(regexp = CustomerUpserted.E164, message = CustomerUpserted.E164_MESSAGE)
        String from,

        @Schema(example = "STOP") @NotNull @Size(max = 1600) String text) {

    /**
     * The text with its sender's number as E.164 writes it, read with the store's numbering; a number that cannot be
     * read for sure is left as written, and so refused.
     */
    InboundSms readWith(NationalNumbering numbering) {
        return new InboundSms(messageId, numbering.international(from).orElse(from), text);
    }
}
