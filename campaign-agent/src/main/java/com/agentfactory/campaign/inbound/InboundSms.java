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
 *     digits only ({@code 447700900123}) or with the international prefix {@code 00} are read as
 *     {@code +447700900123} when at least 11 digits follow that prefix; spaces, hyphens, dots or brackets in it are
 *     ignored
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
    // National numbers without their trunk 0 have at most 10 digits, see international(String)
    private static final int SHORTEST_WITHOUT_PLUS = 11;

    InboundSms {
        from = international(from);
    }

    /**
     * The number as E.164 writes it, so a STOP finds the customers holding it. A national number ({@code 07700...})
     * is left as it is, and so refused: its country is not known, and a guess could stop someone else's texts.
     *
     * <p>A number written without its plus is taken as international only with at least 11 digits (after a {@code 00}
     * prefix is removed). A national number written without its trunk {@code 0} looks just like an international
     * one, but has at most 10 digits in the North American plan and most others: read with a plus, the US
     * {@code 2025550123} would become the Egyptian {@code +2025550123}, and a STOP from it could withdraw another
     * customer's consent. Such shorter numbers are left as written, and so refused; a number written with its plus
     * is taken as written.
     */
    static String international(String number) {
        if (number == null) {
            return null;
        }
        String written = SEPARATORS.matcher(number).replaceAll("");
        if (!DIGITS.matcher(written).matches()) {
            return written;
        }
        String digits = written.startsWith("00") ? written.substring(2) : written;
        if (digits.length() < SHORTEST_WITHOUT_PLUS) {
            return written;
        }
        return "+" + digits;
    }
}
