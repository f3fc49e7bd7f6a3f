package com.agentfactory.demo.replay;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.agentfactory.demo.replay.EventsClient.BatchOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Entry point of the runnable jar: maps an Online Retail file to storefront events and posts them in batches. */
public final class ReplayCommand {

    /** The subset committed with this module, used when no file is given. */
    public static final String BUNDLED_DEMO_CSV = "/demo/online-retail-demo.csv";

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private ReplayCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args, env);
        } catch (ReplayOptions.UsageException e) {
            if (e.getMessage() == null) {
                out.print(ReplayOptions.USAGE);
                return EXIT_OK;
            }
            err.println("error: " + e.getMessage());
            err.print(ReplayOptions.USAGE);
            return EXIT_USAGE;
        }

        RetailCsv.ParseResult parsed;
        String source = options.file() == null
                ? "bundled demo data " + BUNDLED_DEMO_CSV
                : options.file().toString();
        try (Reader reader = open(options)) {
            parsed = RetailCsv.read(reader);
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: cannot read " + source + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        parsed.problems().forEach(problem -> err.println("malformed line skipped: " + problem));
        MappingResult mapping = new StorefrontEventMapper().map(parsed.lines());
        out.println(describeMapping(source, parsed, mapping));
        if (options.customersFile() != null) {
            try {
                DemoCustomers.write(DemoCustomers.mostActive(mapping.events()), options.customersFile());
            } catch (IOException e) {
                err.println("error: cannot write " + options.customersFile() + ": " + e.getMessage());
                return EXIT_USAGE;
            }
        }

        if (options.dryRun()) {
            return EXIT_OK;
        }
        return send(options, parsed, mapping, out, err);
    }

    private static int send(
            ReplayOptions options,
            RetailCsv.ParseResult parsed,
            MappingResult mapping,
            PrintStream out,
            PrintStream err) {
        try (ReplayProgress progress = new ReplayProgress();
                HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            progress.linesRead.set(parsed.recordsRead());
            progress.skippedLines.set(parsed.malformed() + mapping.skippedLineCount());
            progress.eventsTotal.set(mapping.events().size());
            EventsClient client = new EventsClient(
                    http,
                    Events.jsonMapper(),
                    new EventsClient.Settings(
                            options.target(),
                            options.auth(),
                            options.maxRetries(),
                            options.retryBackoff(),
                            Duration.ofSeconds(60)),
                    message -> {
                        progress.retries.incrementAndGet();
                        err.println("retry: " + message);
                    });
            out.println("sending " + mapping.events().size() + " events to " + options.target() + " in batches of "
                    + options.batchSize());
            progress.startPrinting(out, options.progressInterval());

            boolean aborted = false;
            List<List<StorefrontEvent>> batches = Batches.split(mapping.events(), options.batchSize());
            for (int i = 0; i < batches.size() && !aborted; i++) {
                List<StorefrontEvent> batch = batches.get(i);
                try {
                    switch (client.send(batch)) {
                        case BatchOutcome.Delivered(int accepted, int duplicates) -> {
                            progress.accepted.addAndGet(accepted);
                            progress.duplicates.addAndGet(duplicates);
                        }
                        case BatchOutcome.Rejected(int status, String report) -> {
                            progress.rejected.addAndGet(batch.size());
                            long first = (long) i * options.batchSize();
                            err.println("rejected: batch " + (i + 1) + "/" + batches.size() + " (events " + first + ".."
                                    + (first + batch.size() - 1) + "), HTTP " + status + ": " + report);
                        }
                    }
                    progress.eventsSent.addAndGet(batch.size());
                } catch (ReplayAbortedException e) {
                    err.println("error: " + e.getMessage());
                    aborted = true;
                }
            }
            progress.close();
            out.println(progress.summary(aborted));
            return aborted || progress.rejected() > 0 ? EXIT_FAILED : EXIT_OK;
        }
    }

    private static Reader open(ReplayOptions options) throws IOException {
        if (options.file() != null) {
            return Files.newBufferedReader(options.file(), UTF_8);
        }
        InputStream bundled = ReplayCommand.class.getResourceAsStream(BUNDLED_DEMO_CSV);
        if (bundled == null) {
            throw new IOException("not on the classpath");
        }
        return new InputStreamReader(bundled, UTF_8);
    }

    private static String describeMapping(String source, RetailCsv.ParseResult parsed, MappingResult mapping) {
        Map<String, Long> skipped = new TreeMap<>();
        mapping.skippedLines()
                .forEach((reason, count) -> skipped.put(reason.name().toLowerCase(Locale.ROOT), count));
        if (parsed.malformed() > 0) {
            skipped.put("malformed", parsed.malformed());
        }
        return "read " + parsed.recordsRead() + " lines from " + source + ": "
                + mapping.count(StorefrontEvent.ProductUpserted.class) + " products, "
                + mapping.count(StorefrontEvent.CustomerUpserted.class) + " customers, "
                + mapping.count(StorefrontEvent.OrderPlaced.class) + " orders, "
                + mapping.count(StorefrontEvent.OrderCancelled.class) + " cancellations = "
                + mapping.events().size() + " events; skipped lines " + skipped
                + (mapping.invoicesWithoutLines() > 0
                        ? ", invoices without usable lines " + mapping.invoicesWithoutLines()
                        : "");
    }
}
