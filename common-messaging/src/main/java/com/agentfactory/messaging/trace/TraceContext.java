package com.agentfactory.messaging.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * W3C trace context ids carried in envelopes and HTTP headers. Kept to the two ids the envelope needs
 * (the {@code traceparent} header is parsed and formatted here) rather than pulling a tracing SDK into
 * every consumer thread; the ids land in the logging MDC as {@code traceId} / {@code spanId}.
 */
public record TraceContext(String traceId, String spanId) {

    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    public static TraceContext newTrace() {
        return new TraceContext(randomHex(16), randomHex(8));
    }

    /** A child span of this trace: same trace id, new span id. */
    public TraceContext newChildSpan() {
        return new TraceContext(traceId, randomHex(8));
    }

    /** The trace of the current thread (from the MDC) or a new one. */
    public static TraceContext currentOrNew() {
        String traceId = MDC.get(MDC_TRACE_ID);
        String spanId = MDC.get(MDC_SPAN_ID);
        if (isValidTraceId(traceId)) {
            return new TraceContext(traceId, isValidSpanId(spanId) ? spanId : randomHex(8));
        }
        return newTrace();
    }

    /**
     * The trace of the current thread when one is active (a tracer's span or an opened scope put it in the MDC).
     */
    public static Optional<TraceContext> current() {
        String traceId = MDC.get(MDC_TRACE_ID);
        String spanId = MDC.get(MDC_SPAN_ID);
        return isValidTraceId(traceId) && isValidSpanId(spanId)
                ? Optional.of(new TraceContext(traceId, spanId))
                : Optional.empty();
    }

    /**
     * The trace a consumed message carries: the current span when the consumer's tracing already continued that
     * trace (a listener observation read the record's traceparent), else continued here with a new span.
     */
    public static TraceContext joinOrContinue(String traceId, String spanId) {
        return current()
                .filter(active -> active.traceId().equals(traceId))
                .orElseGet(() -> continueFrom(traceId, spanId));
    }

    /**
     * The {@code traceparent} of an envelope in its JSON form, or null. The relay reads it for every message it
     * sends; finding the two ids in the text costs far less than decoding the envelope.
     */
    public static String traceparentOfEnvelopeJson(String json) {
        String traceId = valueAfter(json, "\"trace_id\":\"", 32);
        String spanId = valueAfter(json, "\"span_id\":\"", 16);
        return isValidTraceId(traceId) && isValidSpanId(spanId)
                ? new TraceContext(traceId, spanId).traceparent()
                : null;
    }

    private static String valueAfter(String json, String key, int length) {
        int start = json == null ? -1 : json.indexOf(key);
        if (start < 0 || start + key.length() + length > json.length()) {
            return null;
        }
        int from = start + key.length();
        return json.substring(from, from + length);
    }

    /** Parses a {@code traceparent} header; a missing or malformed one starts a new trace. */
    public static TraceContext fromTraceparent(String header) {
        if (header != null) {
            var matcher = TRACEPARENT.matcher(header.trim());
            if (matcher.matches()) {
                return new TraceContext(matcher.group(1), matcher.group(2));
            }
        }
        return newTrace();
    }

    /** The trace an envelope carries, continued with a new span; malformed ids start a new trace. */
    public static TraceContext continueFrom(String traceId, String spanId) {
        return isValidTraceId(traceId) ? new TraceContext(traceId, randomHex(8)) : newTrace();
    }

    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** Puts the ids in the MDC; the returned handle restores the previous values. */
    public Scope openScope() {
        String previousTrace = MDC.get(MDC_TRACE_ID);
        String previousSpan = MDC.get(MDC_SPAN_ID);
        MDC.put(MDC_TRACE_ID, traceId);
        MDC.put(MDC_SPAN_ID, spanId);
        return () -> {
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
        };
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static boolean isValidTraceId(String id) {
        return isLowerHex(id, 32) && !id.equals(INVALID_TRACE_ID);
    }

    private static boolean isValidSpanId(String id) {
        return isLowerHex(id, 16);
    }

    // checked on every request and message; a loop instead of a regex keeps it off the profile
    private static boolean isLowerHex(String id, int length) {
        if (id == null || id.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(buffer);
        buffer[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(buffer);
    }
}
