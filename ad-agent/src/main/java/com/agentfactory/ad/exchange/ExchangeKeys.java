package com.agentfactory.ad.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Recognises exchanges by their key. Only hashes are configured; the presented key is hashed and compared with
 * every configured hash in constant time (all of them, so the time says nothing about which one matched).
 */
@Component
class ExchangeKeys {

    private final List<Map.Entry<String, byte[]>> hashes;

    ExchangeKeys(ExchangeProperties properties) {
        this.hashes = properties.keys().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), HexFormat.of().parseHex(e.getValue())))
                .toList();
    }

    /** @return the exchange the key belongs to, or empty */
    Optional<String> exchangeOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String found = null;
        for (var entry : hashes) {
            if (MessageDigest.isEqual(presented, entry.getValue())) {
                found = entry.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
