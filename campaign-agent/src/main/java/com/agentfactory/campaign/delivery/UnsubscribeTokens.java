package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.messaging.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe tokens: the customer and channel, and an HMAC over them, so a link can only
 * unsubscribe the customer it was sent to and needs no login (RFC 8058).
 */
@Component
class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DeliveryProperties properties;

    UnsubscribeTokens(DeliveryProperties properties) {
        this.properties = properties;
    }

    String issue(UUID customerId, Channel channel) {
        String payload = customerId + ":" + channel.wireName();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(Signatures.hmac(properties.unsubscribeSecret(), payload));
    }

    String link(UUID customerId, Channel channel) {
        return address() + "?token=" + issue(customerId, channel);
    }

    /** Where unsubscribe links lead, as a customer's mail client or browser reaches it. */
    String address() {
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/api/v1/campaigns/unsubscribe";
    }

    Unsubscription verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            throw invalid();
        }
        try {
            String payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!Signatures.matches(
                    Signatures.hmac(properties.unsubscribeSecret(), payload), DECODER.decode(parts[1]))) {
                throw invalid();
            }
            String[] fields = payload.split(":");
            return new Unsubscription(
                    UUID.fromString(fields[0]),
                    Channel.fromWireName(fields[1]).orElseThrow(UnsubscribeTokens::invalid));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("token", "not a valid unsubscribe link");
    }

    record Unsubscription(UUID customerId, Channel channel) {}
}
