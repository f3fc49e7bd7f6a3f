package com.agentfactory.demo.replay;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;

/** Name-based UUIDs: replaying a file again produces the same ids, so the platform recognises duplicates. */
public final class DeterministicIds {

    private DeterministicIds() {}

    public static UUID of(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(UTF_8));
    }

    public static UUID product(String stockCode) {
        return of("product:" + stockCode);
    }

    public static UUID customer(String customerNumber) {
        return of("customer:" + customerNumber);
    }

    public static UUID order(String invoiceNo) {
        return of("order:" + invoiceNo);
    }

    public static UUID event(String type, String key) {
        return of("event:" + type + ":" + key);
    }
}
