package com.agentfactory.campaign.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Tells an SMS provider's request from anyone else's: the provider signs the body exactly as sent with its own
 * secret (HMAC-SHA256, {@code sha256=<hex>}), so a forged or altered body, or one signed with another provider's
 * secret, is not the provider's. A platform token is no use here: the provider is outside the platform.
 */
@Component
class SmsProviderSignatures {

    static final String PREFIX = "sha256=";

    private final InboundSmsProperties properties;

    SmsProviderSignatures(InboundSmsProperties properties) {
        this.properties = properties;
    }

    /** @return the provider, when the signature is its signature of the body; empty otherwise */
    Optional<String> verify(String provider, String signature, byte[] body) {
        if (provider == null || signature == null || body == null || !signature.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String secret = properties.providers().get(provider);
        if (secret == null) {
            return Optional.empty();
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(provider) : Optional.empty();
    }

    /** The signature a provider sends with the body: {@code sha256=} and the hex HMAC-SHA256 under its secret. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
