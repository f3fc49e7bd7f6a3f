package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's profile as the shop holds it. The phone number is optional and in E.164 form ({@code +} and the country
 * code, no spaces): SMS go to it, and an inbound SMS (a STOP reply) is matched to its customers by it, which only
 * works when both sides write a number the same way.
 */
public record CustomerUpserted(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("customer_id") @NotNull UUID customerId,
        @JsonProperty("customer_number") @Size(max = 64) String customerNumber,
        @JsonProperty("email") @Email @Size(max = 320) String email,
        @JsonProperty("country") @Size(max = 100) String country,

        // left out when absent: a profile without one is written as before the field existed, so a resend of a
        // profile stored then is still the same event to the supervisor, which compares payloads
        @JsonProperty("phone")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(regexp = E164, message = E164_MESSAGE)
        String phone)
        implements CommerceEvent {

    /** E.164: a plus, a country code not starting with 0, and at most 15 digits in all (at least 7). */
    public static final String E164 = "\\+[1-9][0-9]{6,14}";

    public static final String E164_MESSAGE = "must be an E.164 phone number such as +447700900123";

    private static final java.util.regex.Pattern E164_PATTERN = java.util.regex.Pattern.compile(E164);

    private static final java.util.regex.Pattern PHONE_SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-.()]");

    /**
     * A blank phone is no phone (form exports write "" for none), and the separators people type (spaces, hyphens,
     * dots, brackets) are dropped, so "+44 7700 900123" is the number "+447700900123" is.
     */
    public CustomerUpserted {
        phone = phone == null ? null : PHONE_SEPARATORS.matcher(phone).replaceAll("");
        if (phone != null && phone.isEmpty()) {
            phone = null;
        }
    }

    /** A profile without a phone number, as every sender wrote before the field existed. */
    public CustomerUpserted(
            UUID eventId, Instant occurredAt, UUID customerId, String customerNumber, String email, String country) {
        this(eventId, occurredAt, customerId, customerNumber, email, country, null);
    }

    /** Whether the text is a phone number in E.164 form. */
    public static boolean isE164(String phone) {
        return phone != null && E164_PATTERN.matcher(phone).matches();
    }

    @Override
    public String partitionKey() {
        return customerId.toString();
    }
}
