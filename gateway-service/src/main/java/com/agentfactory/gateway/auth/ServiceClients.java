package com.agentfactory.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The services allowed to get SYSTEM_AGENT tokens, parsed from {@code id:secret,id2:secret2}. */
final class ServiceClients {

    /** A SYSTEM_AGENT token passes every access rule; its secret must be too long to guess, not a placeholder. */
    static final int MIN_SECRET_LENGTH = 32;

    private final Map<String, byte[]> secretDigests;

    private ServiceClients(Map<String, byte[]> secretDigests) {
        this.secretDigests = secretDigests;
    }

    static ServiceClients parse(String spec) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                String trimmed = entry.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException(
                            "Service client entries must look like id:secret (entry without a valid separator)");
                }
                String id = trimmed.substring(0, colon).trim();
                String secret = trimmed.substring(colon + 1);
                if (secret.length() < MIN_SECRET_LENGTH) {
                    // the client is named, never the secret, which would land in the start-up log
                    throw new IllegalArgumentException("Service client " + id + " has a secret of " + secret.length()
                            + " characters; at least " + MIN_SECRET_LENGTH
                            + " are needed (generate one with: openssl rand -hex 24)");
                }
                digests.put(id, digest(secret));
            }
        }
        return new ServiceClients(Map.copyOf(digests));
    }

    int size() {
        return secretDigests.size();
    }

    /** The client id when the secret matches; compares fixed-length digests in constant time. */
    Optional<String> authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        byte[] expected = secretDigests.get(clientId);
        byte[] presented = digest(clientSecret);
        // compare even for unknown ids so timing does not reveal which ids exist
        boolean matches = MessageDigest.isEqual(expected == null ? new byte[presented.length] : expected, presented);
        return matches && expected != null ? Optional.of(clientId) : Optional.empty();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
