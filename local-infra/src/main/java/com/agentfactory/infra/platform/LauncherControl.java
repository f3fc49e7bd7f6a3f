package com.agentfactory.infra.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Lets a second command reach the running launcher: {@code run-platform.sh status} and {@code restart <service>}.
 * The launcher listens on a loopback port and writes the port and a random token to a file only its owner can
 * read; a call without that token is refused. The JDK's own small HTTP server is enough for two commands.
 */
final class LauncherControl implements AutoCloseable {

    static final String TOKEN_HEADER = "X-Launcher-Token";

    private final HttpServer server;
    private final Path controlFile;

    private LauncherControl(HttpServer server, Path controlFile) {
        this.server = server;
        this.controlFile = controlFile;
    }

    static LauncherControl serve(PlatformLauncher platform, Path controlFile) throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/status", exchange -> {
            if (authorized(exchange, token)) {
                reply(exchange, 200, ProcessStatus.table(platform.status()));
            }
        });
        server.createContext("/restart", exchange -> {
            if (!authorized(exchange, token)) {
                return;
            }
            String service = exchange.getRequestURI()
                    .getPath()
                    .substring("/restart".length())
                    .replace("/", "");
            try {
                platform.restart(resolve(platform, service), Duration.ofMinutes(3));
                reply(exchange, 200, service + " restarted and ready\n");
            } catch (IllegalArgumentException e) {
                reply(exchange, 404, e.getMessage() + "\n");
            } catch (IllegalStateException e) {
                reply(exchange, 500, e.getMessage() + "\n");
            }
        });
        server.start();
        Files.createDirectories(controlFile.getParent());
        Files.deleteIfExists(controlFile);
        Files.createFile(
                controlFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(controlFile, server.getAddress().getPort() + " " + token + "\n");
        return new LauncherControl(server, controlFile);
    }

    /** Accepts the module name or its short form ({@code support} for {@code support-agent}). */
    private static String resolve(PlatformLauncher platform, String service) {
        for (String candidate : new String[] {service, service + "-agent", service + "-service"}) {
            if (platform.manages(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "no service named '" + service + "'; the services are " + platform.modules());
    }

    /** Runs a command against the launcher described by {@code controlFile}; returns the process exit code. */
    static int call(Path controlFile, String path) throws IOException, InterruptedException {
        if (!Files.exists(controlFile)) {
            System.err.println("No platform is running from this folder (no " + controlFile + ").");
            return 1;
        }
        String[] parts = Files.readString(controlFile).strip().split(" ");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + parts[0] + path))
                .header(TOKEN_HEADER, parts[1])
                .timeout(Duration.ofMinutes(4));
        try {
            HttpResponse<String> response = http.send(
                    path.startsWith("/restart")
                            ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                            : request.GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.print(response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (java.net.ConnectException e) {
            System.err.println("The platform launcher is not running (stale " + controlFile + ").");
            return 1;
        }
    }

    private static boolean authorized(HttpExchange exchange, String token) throws IOException {
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        boolean ok = given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            reply(exchange, 401, "missing or wrong launcher token\n");
        }
        return ok;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(controlFile);
        } catch (IOException e) {
            // a stale file is reported as such by the next status call
        }
    }
}
