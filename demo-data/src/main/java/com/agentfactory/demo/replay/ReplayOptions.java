package com.agentfactory.demo.replay;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Command-line options; credentials may also come from the environment so they stay out of shell history. */
public record ReplayOptions(
        URI gateway,
        URI direct,
        int batchSize,
        String token,
        String clientId,
        String clientSecret,
        int maxRetries,
        Duration retryBackoff,
        Duration progressInterval,
        boolean dryRun,
        Path file,
        Path customersFile) {

    public static final String USAGE = """
            Usage: java -jar demo-data-exec.jar [options] [FILE]

            Replays an Online Retail CSV file (default: the bundled demo subset) as storefront events.
            Replaying the same file again changes nothing: all ids are deterministic.

            Options:
              --gateway URL            platform gateway (default http://127.0.0.1:8080)
              --direct URL             post to the supervisor directly (e.g. http://127.0.0.1:8081); it checks
                                       the --token too, as every service does
              --token TOKEN            bearer token to send to the gateway
              --client-id ID           SYSTEM_AGENT client id (default: env REPLAY_CLIENT_ID)
              --client-secret SECRET   SYSTEM_AGENT client secret (default: env REPLAY_CLIENT_SECRET)
              --batch-size N           events per request, 1..500 (default 200)
              --max-retries N          retries of a failed batch on 5xx / connection errors (default 5)
              --retry-backoff-ms MS    first retry delay, doubling each time (default 500)
              --progress-seconds S     progress line interval (default 2)
              --dry-run                map the file and print what would be sent, without sending
              --customers-file FILE    write the customers with the most orders (tab-separated: customer number,
                                       customer id, latest order numbers), for demo logins
              --help                   show this help

            Exit status: 0 all events accepted or duplicates, 1 rejections or aborted, 2 usage error.
            """;

    public static ReplayOptions parse(String[] args, Map<String, String> env) {
        URI gateway = URI.create("http://127.0.0.1:8080");
        URI direct = null;
        int batchSize = 200;
        String token = null;
        String clientId = env.get("REPLAY_CLIENT_ID");
        String clientSecret = env.get("REPLAY_CLIENT_SECRET");
        int maxRetries = 5;
        Duration backoff = Duration.ofMillis(500);
        Duration progress = Duration.ofSeconds(2);
        boolean dryRun = false;
        Path file = null;
        Path customersFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--gateway" -> gateway = uri(value(args, ++i, arg));
                case "--direct" -> direct = uri(value(args, ++i, arg));
                case "--token" -> token = value(args, ++i, arg);
                case "--client-id" -> clientId = value(args, ++i, arg);
                case "--client-secret" -> clientSecret = value(args, ++i, arg);
                case "--batch-size" -> batchSize = number(value(args, ++i, arg), arg, 1, Batches.MAX_BATCH_SIZE);
                case "--max-retries" -> maxRetries = number(value(args, ++i, arg), arg, 0, 100);
                case "--retry-backoff-ms" ->
                    backoff = Duration.ofMillis(number(value(args, ++i, arg), arg, 0, 600_000));
                case "--progress-seconds" -> progress = seconds(value(args, ++i, arg), arg);
                case "--dry-run" -> dryRun = true;
                case "--customers-file" -> customersFile = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> throw new UsageException(null);
                default -> {
                    if (arg.startsWith("--") || file != null) {
                        throw new UsageException("unexpected argument: " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        boolean hasCredentials =
                clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        if (direct == null && !dryRun && token == null && !hasCredentials) {
            throw new UsageException("the gateway needs a token: pass --token, or --client-id/--client-secret"
                    + " (env REPLAY_CLIENT_ID/REPLAY_CLIENT_SECRET), or use --direct URL");
        }
        return new ReplayOptions(
                gateway,
                direct,
                batchSize,
                token,
                hasCredentials ? clientId : null,
                hasCredentials ? clientSecret : null,
                maxRetries,
                backoff,
                progress,
                dryRun,
                file,
                customersFile);
    }

    /** Where batches go: the supervisor when --direct is given, otherwise the gateway. */
    public URI target() {
        return direct != null ? direct : gateway;
    }

    public EventsClient.Auth auth() {
        if (token != null) {
            return new EventsClient.Auth.BearerToken(token);
        }
        if (direct != null) {
            // client credentials are exchanged at the gateway, which --direct bypasses
            return new EventsClient.Auth.None();
        }
        return new EventsClient.Auth.ClientCredentials(clientId, clientSecret);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static URI uri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("not an http(s) URL: " + value);
        }
    }

    private static Duration seconds(String value, String option) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds > 0 && seconds <= 3600)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number of seconds above 0, was " + value);
        }
    }

    private static int number(String value, String option, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number between " + min + " and " + max + ", was " + value);
        }
    }

    /** A command-line mistake; the message is {@code null} when only the help was asked for. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
