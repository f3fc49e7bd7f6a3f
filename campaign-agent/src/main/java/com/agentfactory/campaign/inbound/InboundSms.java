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
 * @param from the sender's number in E.164 form, as the customer's profile holds it: providers that write it as
 *     digits only ({@code 447700900123}), with the international prefix {@code 00}, or with spaces, hyphens, dots or
 *     brackets in it are read as {@code +447700900123}
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

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-.()]");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");

    InboundSms {
        from = international(from);
    }

    /**
     * The number as E.164 writes it, so a STOP finds the customers holding it. A national number ({@code 07700...})
     * is left as it is, and so refused: its country is not known, and a guess could stop someone else's texts.
     */
    static String international(String number) {
        if (number == null) {
            return null;
        }
        String written = SEPARATORS.matcher(number).replaceAll("");
        if (!DIGITS.matcher(written).matches()) {
            return written;
        }
        return "+" + (written.startsWith("00") ? written.substring(2) : written);
    }
}
