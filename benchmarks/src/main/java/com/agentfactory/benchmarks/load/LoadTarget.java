package com.agentfactory.benchmarks.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One endpoint under load and the exact bytes of the request sent to it, prepared once. {@code tasksPerRequest}
 * is how many tasks one request submits (a batch), so that task throughput can be told from request throughput.
 * {@code freshIdAt} is where in the request a UUID is replaced by a new one for every request (a target that must
 * never hit a cache), or -1 when every request is the same.
 */
public record LoadTarget(String name, String host, int port, byte[] request, int tasksPerRequest, int freshIdAt) {

    /** Stands in the URL of {@link #getWithFreshId} for the id each request replaces. */
    public static final String FRESH_ID = "00000000-0000-4000-8000-000000000000";

    public LoadTarget {
        if (tasksPerRequest < 1) {
            throw new IllegalArgumentException("a request carries at least one task: " + tasksPerRequest);
        }
    }

    public LoadTarget(String name, String host, int port, byte[] request, int tasksPerRequest) {
        this(name, host, port, request, tasksPerRequest, -1);
    }

    public static LoadTarget post(String name, String url, String jsonBody, Map<String, String> headers) {
        return post(name, url, jsonBody, headers, 1);
    }

    public static LoadTarget post(
            String name, String url, String jsonBody, Map<String, String> headers, int tasksPerRequest) {
        URI uri = URI.create(url);
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        byte[] head = head(
                "POST",
                uri,
                "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length,
                headers);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return new LoadTarget(name, uri.getHost(), uri.getPort(), request, tasksPerRequest);
    }

    /** A GET of {@code url}: a read, one request per "task". */
    public static LoadTarget get(String name, String url, Map<String, String> headers) {
        URI uri = URI.create(url);
        return new LoadTarget(
                name, uri.getHost(), uri.getPort(), head("GET", uri, "Accept: application/json", headers), 1);
    }

    /**
     * A GET of {@code url} where {@link #FRESH_ID} is replaced by a random id in every request: the same read for
     * someone never asked about before.
     */
    public static LoadTarget getWithFreshId(String name, String url, Map<String, String> headers) {
        LoadTarget fixed = get(name, url, headers);
        int at = new String(fixed.request(), StandardCharsets.US_ASCII).indexOf(FRESH_ID);
        if (at < 0) {
            throw new IllegalArgumentException("no " + FRESH_ID + " in " + url);
        }
        return new LoadTarget(name, fixed.host(), fixed.port(), fixed.request(), 1, at);
    }

    /** The bytes of the next request: the prepared ones, or a copy with a new id. */
    public byte[] nextRequest() {
        if (freshIdAt < 0) {
            return request;
        }
        byte[] next = request.clone();
        // not UUID.randomUUID(): its SecureRandom would be shared by every load thread
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new UUID(random.nextLong(), random.nextLong()).toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, next, freshIdAt, id.length);
        return next;
    }

    private static byte[] head(String method, URI uri, String contentHeaders, Map<String, String> headers) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(uri.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n")
                .append(contentHeaders)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Requests per second that carry {@code tasksPerSecond} tasks per second. */
    public double requestRate(double tasksPerSecond) {
        return tasksPerSecond / tasksPerRequest;
    }
}
