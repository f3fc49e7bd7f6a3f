package com.agentfactory.ad.prediction;

import java.util.Arrays;
import java.util.Map;

/**
 * Turns a bid's features into the one-hot indices the models were trained on, without building strings: numeric
 * fields and the client's /24 network are looked up in sorted int tables, text fields in hash maps keyed by the
 * value itself. Every field contributes exactly one index, its "other" bucket when the value is null or unseen.
 */
final class BidFeatureEncoder {

    static final int FIELD_COUNT = FeatureIndex.FIELDS.size();

    private final IntTable weekday;
    private final IntTable hour;
    private final Map<String, Integer> userAgent;
    private final IntTable network;
    private final Map<String, Integer> region;
    private final Map<String, Integer> city;
    private final Map<String, Integer> adExchange;
    private final Map<String, Integer> domain;
    private final Map<String, Integer> slotId;
    private final IntTable slotWidth;
    private final IntTable slotHeight;
    private final Map<String, Integer> slotVisibility;
    private final Map<String, Integer> slotFormat;
    private final Map<String, Integer> creative;
    private final Map<String, Integer> advertiser;
    private final int[] slotPriceBucket; // 0, 1-10, 11-50, 51-100, 101+
    private final int[] other = new int[FIELD_COUNT];

    BidFeatureEncoder(FeatureIndex index) {
        for (int f = 0; f < FIELD_COUNT; f++) {
            other[f] = index.other(FeatureIndex.FIELDS.get(f));
        }
        weekday = IntTable.of(index.values("weekday"), other[0], false);
        hour = IntTable.of(index.values("hour"), other[1], false);
        userAgent = index.values("useragent");
        network = IntTable.of(index.values("IP"), other[3], true);
        region = index.values("region");
        city = index.values("city");
        adExchange = index.values("adexchange");
        domain = index.values("domain");
        slotId = index.values("slotid");
        slotWidth = IntTable.of(index.values("slotwidth"), other[9], false);
        slotHeight = IntTable.of(index.values("slotheight"), other[10], false);
        slotVisibility = index.values("slotvisibility");
        slotFormat = index.values("slotformat");
        creative = index.values("creative");
        advertiser = index.values("advertiser");
        slotPriceBucket = new int[5];
        String[] buckets = {"0", "1-10", "11-50", "51-100", "101+"};
        for (int b = 0; b < buckets.length; b++) {
            slotPriceBucket[b] = index.indexOf("slotprice", buckets[b]);
        }
    }

    /** Writes the bid's indices, in increasing order, into {@code into} (at least {@link #FIELD_COUNT} long). */
    int encode(BidFeatures bid, int[] into) {
        into[0] = weekday.get(bid.weekday());
        into[1] = hour.get(bid.hour());
        into[2] = lookup(userAgent, bid.userAgent(), 2);
        into[3] = network.get(network(bid.ip()));
        into[4] = lookup(region, bid.region(), 4);
        into[5] = lookup(city, bid.city(), 5);
        into[6] = lookup(adExchange, bid.adExchange() == null ? "null" : bid.adExchange(), 6);
        into[7] = lookup(domain, bid.domain(), 7);
        into[8] = lookup(slotId, bid.slotId(), 8);
        into[9] = slotWidth.get(bid.slotWidth());
        into[10] = slotHeight.get(bid.slotHeight());
        into[11] = lookup(slotVisibility, bid.slotVisibility(), 11);
        into[12] = lookup(slotFormat, bid.slotFormat(), 12);
        into[13] = lookup(creative, bid.creative(), 13);
        into[14] = lookup(advertiser, bid.advertiser(), 14);
        into[15] = slotPriceBucket[priceBucket(bid.slotFloorPrice())];
        return FIELD_COUNT;
    }

    SparseFeatures encode(BidFeatures bid) {
        int[] indices = new int[FIELD_COUNT];
        encode(bid, indices);
        return SparseFeatures.ofIndices(indices);
    }

    private int lookup(Map<String, Integer> values, String value, int field) {
        Integer index = value == null ? null : values.get(value);
        return index == null ? other[field] : index;
    }

    private static int priceBucket(int price) {
        if (price > 100) {
            return 4;
        }
        if (price > 50) {
            return 3;
        }
        if (price > 10) {
            return 2;
        }
        return price > 0 ? 1 : 0;
    }

    /** The first three octets of a dotted IPv4 address (or of {@code a.b.c.*}) as one int, -1 if malformed. */
    static int network(CharSequence ip) {
        if (ip == null) {
            return -1;
        }
        int network = 0;
        int octet = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < ip.length() && dots < 3; i++) {
            char c = ip.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                octet = octet * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && octet <= 255) {
                network = (network << 8) | octet;
                octet = 0;
                digits = 0;
                dots++;
            } else {
                return -1;
            }
        }
        return dots == 3 ? network : -1;
    }

    /** Sorted int keys and their indices, looked up by binary search; unknown keys give the "other" index. */
    private record IntTable(int[] keys, int[] indices, int other) {

        static IntTable of(Map<String, Integer> values, int other, boolean networks) {
            long[] pairs = values.entrySet().stream()
                    .mapToLong(entry -> {
                        int key = networks ? network(entry.getKey()) : parse(entry.getKey());
                        return key < 0 ? Long.MIN_VALUE : ((long) key << 32) | (entry.getValue() & 0xffffffffL);
                    })
                    .filter(pair -> pair != Long.MIN_VALUE)
                    .sorted()
                    .toArray();
            int[] keys = new int[pairs.length];
            int[] indices = new int[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                keys[i] = (int) (pairs[i] >>> 32);
                indices[i] = (int) pairs[i];
            }
            return new IntTable(keys, indices, other);
        }

        int get(int key) {
            int at = key < 0 ? -1 : Arrays.binarySearch(keys, key);
            return at < 0 ? other : indices[at];
        }

        private static int parse(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
