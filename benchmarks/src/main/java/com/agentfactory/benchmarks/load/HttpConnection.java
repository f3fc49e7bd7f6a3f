package com.agentfactory.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, used by one request at a time: writes prepared request bytes and reads
 * the response (Content-Length, chunked or until close), discarding the body. Cheap enough that the load
 * generator does not take the CPU the servers need.
 */
public final class HttpConnection implements Closeable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean reusable = true;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    public static HttpConnection open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return new HttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the request and returns the response status; afterwards {@link #reusable()} says if it stays open. */
    public int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        Response response = readResponse(in);
        reusable = response.keepAlive();
        return response.status();
    }

    public boolean reusable() {
        return reusable;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Status and whether the server keeps the connection open. */
    public record Response(int status, boolean keepAlive) {}

    /** Reads one response from the stream, consuming (and discarding) its body. */
    public static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        boolean keepAlive = statusLine.startsWith("HTTP/1.1");
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> {
                    if (value.contains("close")) {
                        keepAlive = false;
                    } else if (value.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
                default -> {}
            }
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
            return new Response(status, keepAlive);
        }
        if (chunked) {
            while (true) {
                String sizeLine = readLine(in);
                int extension = sizeLine.indexOf(';');
                long size = Long.parseLong((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    break;
                }
                in.skipNBytes(size);
                readLine(in);
            }
        } else if (contentLength >= 0) {
            in.skipNBytes(contentLength);
        } else {
            in.transferTo(OutputStream.nullOutputStream());
            keepAlive = false;
        }
        return new Response(status, keepAlive);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) b);
            if (line.length() > 16 * 1024) {
                throw new IOException("header line too long");
            }
        }
    }
}
