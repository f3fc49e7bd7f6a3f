package com.agentfactory.ad.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Recognises exchanges by their key. Only hashes are configured; the presented key is hashed and compared with
 * every configured hash in constant time (all of them, so the time says nothing about which one matched).
 *
 * <p>Two exchanges configured with one hash could not be told apart, so the agent does not start with them.
 *
 * <p>The simulated exchange's key is printed in the project's docs and code, so anyone could bid, win and charge
 * spend with it: the agent does not start with its hash configured unless the simulated exchange is switched on,
 * which only a local demo does.
 */
@Component
class ExchangeKeys {

    /** The local demo's and the tests' key, public by design: never an exchange's key in earnest. */
    static final String WELL_KNOWN_SIMULATED_KEY = "simulated-exchange-key";

    private final List<Map.Entry<String, byte[]>> hashes;

    ExchangeKeys(ExchangeProperties properties, SimulatedExchangeProperties simulated) {
        String wellKnown = sha256Hex(WELL_KNOWN_SIMULATED_KEY);
        if (!simulated.enabled()) {
            properties.keys().forEach((exchange, hash) -> {
                if (hash.equalsIgnoreCase(wellKnown)) {
                    throw new IllegalStateException("agentfactory.ad.exchange.keys." + exchange + " is the SHA-256 of"
                            + " the publicly known simulated exchange key, which is accepted only with the simulated"
                            + " exchange on (AD_SIMULATED_EXCHANGE_ENABLED=true, local demo only): configure the"
                            + " exchange's own key");
                }
            });
        }
        // a key would name whichever of them came last: its wins, clicks and conversions would count as that
        // exchange's, and the other's notices would be refused as another exchange's
        Map<String, List<String>> byHash = new TreeMap<>();
        properties.keys().forEach((exchange, hash) -> byHash.computeIfAbsent(
                        hash.toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                .add(exchange));
        byHash.values().stream()
                .filter(exchanges -> exchanges.size() > 1)
                .findFirst()
                .ifPresent(exchanges -> {
                    throw new IllegalStateException("agentfactory.ad.exchange.keys: the exchanges "
                            + String.join(", ", exchanges.stream().sorted().toList())
                            + " are configured with the same key hash, so a key could not tell them apart: give each"
                            + " exchange its own key");
                });
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
