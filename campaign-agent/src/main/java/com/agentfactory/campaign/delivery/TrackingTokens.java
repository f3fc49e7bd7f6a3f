package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signed open-pixel and click-redirect links. The token carries the send and, for a click, the address the
 * e-mail linked to, with an HMAC over both: nobody can count an open for a send they did not receive, and the
 * redirect goes only to an address that a message of ours linked to (no open redirect).
 */
@Component
class TrackingTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String OPEN = "open";
    private static final String CLICK = "click";

    private final DeliveryProperties properties;

    TrackingTokens(DeliveryProperties properties) {
        this.properties = properties;
    }

    String pixelLink(UUID sendId) {
        return base() + "/api/v1/campaigns/track/open?t=" + issue(OPEN, sendId, "");
    }

    String clickLink(UUID sendId, String url) {
        return base() + "/api/v1/campaigns/track/click?t=" + issue(CLICK, sendId, url);
    }

    UUID verifyOpen(String token) {
        return verify(token, OPEN).sendId();
    }

    Click verifyClick(String token) {
        return verify(token, CLICK);
    }

    private String issue(String purpose, UUID sendId, String url) {
        String payload = purpose + "\n" + sendId + "\n" + url;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(Signatures.hmac(properties.trackingSecret(), payload));
    }

    private Click verify(String token, String purpose) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            throw invalid();
        }
        try {
            String payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!Signatures.matches(Signatures.hmac(properties.trackingSecret(), payload), DECODER.decode(parts[1]))) {
                throw invalid();
            }
            String[] fields = payload.split("\n", 3);
            if (fields.length != 3 || !fields[0].equals(purpose)) {
                throw invalid();
            }
            return new Click(UUID.fromString(fields[1]), fields[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private String base() {
        return properties.publicBaseUrl().replaceAll("/+$", "");
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("t", "not a valid tracking link");
    }

    record Click(UUID sendId, String url) {}
}
