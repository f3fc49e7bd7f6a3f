package com.agentfactory.gateway.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The W3C trace context of one hop: the trace stays the caller's when it sent a valid {@code traceparent}, and the
 * gateway is a new span in it.
 */
public record TraceContext(String traceId, String spanId, String flags) {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Continues the incoming trace with a new span, or starts a sampled trace when the header is absent or bad. */
    public static TraceContext continueOrStart(String incomingTraceparent) {
        if (incomingTraceparent != null) {
            var matcher = TRACEPARENT.matcher(incomingTraceparent.trim().toLowerCase(Locale.ROOT));
            if (matcher.matches()
                    && !"ff".equals(matcher.group(1))
                    && !INVALID_TRACE_ID.equals(matcher.group(2))
                    && !INVALID_SPAN_ID.equals(matcher.group(3))) {
                return new TraceContext(matcher.group(2), newSpanId(), matcher.group(4));
            }
        }
        return new TraceContext(randomHex(16), newSpanId(), "01");
    }

    public static boolean isValid(String traceparent) {
        if (traceparent == null) {
            return false;
        }
        var matcher = TRACEPARENT.matcher(traceparent);
        return matcher.matches()
                && !"ff".equals(matcher.group(1))
                && !INVALID_TRACE_ID.equals(matcher.group(2))
                && !INVALID_SPAN_ID.equals(matcher.group(3));
    }

    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String newSpanId() {
        String id;
        do {
            id = randomHex(8);
        } while (INVALID_SPAN_ID.equals(id));
        return id;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
