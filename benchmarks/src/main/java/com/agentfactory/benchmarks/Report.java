package com.agentfactory.benchmarks;

import com.agentfactory.benchmarks.load.Measurement.Summary;
import com.agentfactory.benchmarks.load.WarmUp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Renders a run's results as Markdown tables and as one JSON line. */
final class Report {

    static final List<String> TARGETS =
            List.of("hello", "supervisor direct", "through gateway", BenchmarkRun.HELLO_THROUGH_GATEWAY);
    static final List<String> STOCK_TARGETS = List.of(BenchmarkRun.STOCK_DIRECT, BenchmarkRun.STOCK_THROUGH_GATEWAY);
    /** The stock checks beside the hello app behind the same gateway, their ceiling. */
    static final List<String> READ_TARGETS = Stream.concat(
                    STOCK_TARGETS.stream(), Stream.of(BenchmarkRun.HELLO_THROUGH_GATEWAY))
            .toList();

    /** A storefront's requests through the gateway, beside the hello app behind the same gateway, their ceiling. */
    static final List<String> STOREFRONT_TARGETS = List.of(
            BenchmarkRun.RECOMMENDATION_CACHED,
            BenchmarkRun.RECOMMENDATION_UNCACHED,
            BenchmarkRun.PRODUCT_PAGE,
            BenchmarkRun.SUPPORT_REPLY,
            BenchmarkRun.HELLO_THROUGH_GATEWAY);
    /** The exchange's bid request straight at the ad agent, beside the hello app straight, its ceiling. */
    static final List<String> BID_TARGETS = List.of(BenchmarkRun.BID_DIRECT, "hello");

    private static final List<String> CEILINGS = List.of("hello", BenchmarkRun.HELLO_THROUGH_GATEWAY);

    private static final long BUDGET_KILOBYTES = 8L * 1024 * 1024;

    private Report() {}

    static String ratePhase(double rate) {
        return String.format(Locale.ROOT, "fixed %.0f/s", rate);
    }

    /** A fixed-rate phase of a batch target: the rate is set in tasks, the load generator sends requests. */
    static String taskRatePhase(double taskRate, int tasksPerRequest) {
        return String.format(Locale.ROOT, "fixed %.0f tasks/s (%s req/s)", taskRate, rate(taskRate / tasksPerRequest));
    }

    static String describe(Summary s, int tasksPerRequest) {
        return String.format(
                Locale.ROOT,
                "%.0f req/s%s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d ok, %d non-2xx %s, %d errors",
                s.throughput(),
                tasksPerRequest > 1
                        ? String.format(Locale.ROOT, " (%.0f tasks/s)", s.throughput() * tasksPerRequest)
                        : "",
                s.p50Millis(),
                s.p90Millis(),
                s.p99Millis(),
                s.maxMillis(),
                s.ok(),
                s.non2xx(),
                s.non2xxByStatus(),
                s.errors());
    }

    static String markdown(BenchmarkRun.Results r) {
        StringBuilder md = new StringBuilder();
        md.append("| Measure | hello (ceiling) | supervisor direct | through gateway | hello through gateway |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        table(md, r, TARGETS, ": p50 / p90 / p99 / max (ms)");
        md.append('\n');
        if (r.phases.containsKey(BenchmarkRun.STOCK_THROUGH_GATEWAY)) {
            // a product page's stock check, a read: against the inventory agent and through the same gateway,
            // beside the hello app behind that gateway as its ceiling
            md.append("| Measure | stock check direct | stock check through gateway | hello through gateway |\n");
            md.append("|---|---:|---:|---:|\n");
            table(md, r, READ_TARGETS, ": p50 / p90 / p99 / max (ms)");
            md.append('\n');
        }
        if (r.phases.containsKey(BenchmarkRun.PRODUCT_PAGE)) {
            // a slow target is measured at its own fixed rate (half its maximum), and its ceiling at that rate too
            sideTable(md, r, STOREFRONT_TARGETS);
            md.append("The uncached recommendation asks for a customer never seen before in every request: it misses "
                    + "the cache, and with no history gets the cold-start list. The product page is its product's "
                    + "details with similar products and stock; the page's frequently-bought-together list (signed "
                    + "in only) and its product.viewed event are not measured. The support reply is a new "
                    + "conversation's first answer.\n\n");
        }
        if (r.phases.containsKey(BenchmarkRun.BID_DIRECT)) {
            sideTable(md, r, BID_TARGETS);
        }
        double supervisor = r.maxThroughput("supervisor direct");
        double gateway = r.maxThroughput("through gateway");
        double hello = r.maxThroughput("hello");
        double helloGateway = r.maxThroughput(BenchmarkRun.HELLO_THROUGH_GATEWAY);
        md.append(String.format(
                Locale.ROOT,
                "Gateway: %.0f%% of direct throughput (costs %.0f%%); in front of the hello app %.0f%% of it. "
                        + "Supervisor: %.0f%% of the hello ceiling.%n",
                100 * gateway / supervisor,
                100 * (1 - gateway / supervisor),
                100 * helloGateway / hello,
                100 * supervisor / hello));
        md.append(String.format(
                Locale.ROOT,
                "Outbox backlog at the end: %s; after draining %.0f s: %s.%n%n",
                f0(r.backlogAtEnd),
                r.drainSeconds,
                f0(r.backlogAfterDrain)));
        if (!r.warmUps.isEmpty()) {
            md.append(warmUpLine(r)).append("\n\n");
        }
        r.batches.ifPresent(batch -> batchTable(md, r, batch));

        md.append(poolLines(r)).append('\n');
        md.append("CPU during the best closed-loop phase of each target (% of one core; the machine has ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores = ")
                .append(100 * Runtime.getRuntime().availableProcessors())
                .append("%):\n\n");
        List<String> cpuTargets = allTargets(r);
        md.append("| Process | ")
                .append(String.join(" | ", cpuTargets))
                .append(" |\n|---|")
                .append("---:|".repeat(cpuTargets.size()))
                .append('\n');
        Set<String> groups = new LinkedHashSet<>();
        for (String target : cpuTargets) {
            groups.addAll(r.cpu.getOrDefault(target, Map.of())
                    .getOrDefault(r.maxPhase(target), Map.of())
                    .keySet());
        }
        for (String group : groups) {
            md.append("| ").append(group);
            for (String target : cpuTargets) {
                Double value = r.cpu.getOrDefault(target, Map.of())
                        .getOrDefault(r.maxPhase(target), Map.of())
                        .get(group);
                md.append(" | ").append(value == null ? "" : String.format(Locale.ROOT, "%.0f%%", value));
            }
            md.append(" |\n");
        }
        md.append('\n');

        md.append("| Process (at the end of the run) | RSS (MiB) | PSS (MiB) |\n|---|---:|---:|\n");
        for (Map.Entry<String, Long> entry : r.rssKilobytes.entrySet()) {
            md.append("| ")
                    .append(entry.getKey())
                    .append(" | ")
                    .append(entry.getValue() / 1024)
                    .append(" | ")
                    .append(r.pssKilobytes.getOrDefault(entry.getKey(), 0L) / 1024)
                    .append(" |\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "| **total** | **%d** (%.0f%% of the 8 GiB budget) | **%d** |%n",
                sum(r.rssKilobytes) / 1024,
                100.0 * sum(r.rssKilobytes) / BUDGET_KILOBYTES,
                sum(r.pssKilobytes) / 1024));
        md.append(String.format(
                Locale.ROOT,
                "%nRSS counts a shared page in every process that maps it (PostgreSQL's shared buffers once per backend);"
                        + " PSS divides it among them. Run took %d s.%n",
                r.wallSeconds));
        md.append(
                r.foreignJvms.isEmpty()
                        ? "No other JVMs were seen on the machine during the run.\n"
                        : "WARNING: other JVMs were seen on the machine during the run (numbers are low): "
                                + r.foreignJvms + "\n");
        return md.toString();
    }

    /** A table of its own for a group of targets: a header of their names, then the rows {@link #table} writes. */
    static void sideTable(StringBuilder md, BenchmarkRun.Results r, List<String> targets) {
        md.append("| Measure | ")
                .append(String.join(" | ", targets))
                .append(" |\n|---|")
                .append("---:|".repeat(targets.size()))
                .append('\n');
        table(md, r, targets, ": p50 / p90 / p99 / max (ms)");
        md.append('\n');
    }

    /** The cold and settled throughput of each target's warm-up, which the measured phases above leave out. */
    static String warmUpLine(BenchmarkRun.Results r) {
        List<String> parts = new ArrayList<>();
        r.warmUps.forEach((target, warmUp) -> parts.add(String.format(
                Locale.ROOT,
                "%s %.0f -> %.0f req/s in %d s%s",
                target,
                warmUp.first(),
                warmUp.last(),
                warmUp.length(r.warmUpSlice).toSeconds(),
                warmUp.steady() ? "" : " (not steady at the cap)")));
        return "Warm-up before the measured phases (closed loop, " + r.warmUpSlice.toSeconds()
                + " s slices until three in a row agree within 10%; first slice -> last): " + String.join("; ", parts)
                + ".";
    }

    static String json(BenchmarkRun.Results r) {
        List<String> targets = new ArrayList<>();
        for (String target : allTargets(r)) {
            List<String> phases = new ArrayList<>();
            phases.add("\"tasks_per_request\":" + r.tasksPerRequest(target));
            WarmUp.Result warmUp = r.warmUps.get(target);
            if (warmUp != null) {
                phases.add(String.format(
                        Locale.ROOT,
                        "\"warm_up\":{\"slice_throughputs\":[%s],\"steady\":%b}",
                        warmUp.sliceThroughputs().stream()
                                .map(t -> String.format(Locale.ROOT, "%.1f", t))
                                .collect(java.util.stream.Collectors.joining(",")),
                        warmUp.steady()));
            }
            r.phases
                    .getOrDefault(target, Map.of())
                    .forEach((phase, s) -> phases.add(String.format(
                            Locale.ROOT,
                            "\"%s\":{\"throughput\":%.1f,\"tasks_per_second\":%.1f,\"p50_ms\":%s,\"p90_ms\":%s,"
                                    + "\"p99_ms\":%s,\"max_ms\":%s,\"ok\":%d,\"non_2xx\":%d,\"errors\":%d}",
                            phase,
                            s.throughput(),
                            r.tasksPerSecond(target, s),
                            num(s.p50Millis()),
                            num(s.p90Millis()),
                            num(s.p99Millis()),
                            num(s.maxMillis()),
                            s.ok(),
                            s.non2xx(),
                            s.errors())));
            targets.add("\"" + target + "\":{" + String.join(",", phases) + "}");
        }
        List<String> rss = new ArrayList<>();
        r.rssKilobytes.forEach((name, kb) -> rss.add("\"" + name + "\":" + kb));
        List<String> pss = new ArrayList<>();
        r.pssKilobytes.forEach((name, kb) -> pss.add("\"" + name + "\":" + kb));
        return String.format(
                Locale.ROOT,
                "{\"benchmark\":\"task-intake\",\"cores\":%d,\"half_rate\":%.0f,\"low_rate\":%.0f,\"batch_size\":%d,"
                        + "\"batch_half_task_rate\":%s,\"targets\":{%s},\"gateway_share_of_direct\":%.3f,"
                        + "\"gateway_share_of_hello\":%s,"
                        + "\"gateway_share_of_direct_batched\":%s,\"rss_kb\":{%s},\"rss_total_kb\":%d,"
                        + "\"pss_kb\":{%s},\"pss_total_kb\":%d,\"supervisor_pool\":%s,\"outbox_backlog_end\":%s,\"outbox_backlog_after_drain\":%s,"
                        + "\"wall_seconds\":%d,\"other_jvms\":%d,\"gateway_rate_limit\":%b}",
                Runtime.getRuntime().availableProcessors(),
                r.halfRate,
                r.lowRate,
                r.batches.map(BatchIntake::size).orElse(0),
                num(r.batchHalfTaskRate),
                String.join(",", targets),
                r.maxThroughput("through gateway") / r.maxThroughput("supervisor direct"),
                share(r.maxThroughput(BenchmarkRun.HELLO_THROUGH_GATEWAY), r.maxThroughput("hello")),
                r.batches
                        .map(batch -> share(
                                r.maxTaskThroughput(batch.gatewayName()), r.maxTaskThroughput(batch.directName())))
                        .orElse("null"),
                String.join(",", rss),
                sum(r.rssKilobytes),
                String.join(",", pss),
                sum(r.pssKilobytes),
                poolJson(r),
                num(r.backlogAtEnd),
                num(r.backlogAfterDrain),
                r.wallSeconds,
                r.foreignJvms.size(),
                r.rateLimit);
    }

    /** The batch targets' own table: the same rows, their tasks/s and the gateway's share in tasks. */
    private static void batchTable(StringBuilder md, BenchmarkRun.Results r, BatchIntake batch) {
        md.append("| Measure (")
                .append(batch.size())
                .append(" tasks per request) | ")
                .append(batch.directName())
                .append(" | ")
                .append(batch.gatewayName())
                .append(" |\n|---|---:|---:|\n");
        table(md, r, batch.targetNames(), ": p50 / p90 / p99 / max per request (ms)");
        md.append('\n');
        double direct = r.maxTaskThroughput(batch.directName());
        double gateway = r.maxTaskThroughput(batch.gatewayName());
        md.append(String.format(
                Locale.ROOT,
                "Latency is per request: one request carries %d tasks, committed together before its 201.%n",
                batch.size()));
        md.append(String.format(
                Locale.ROOT,
                "Gateway, batches of %d: %.0f%% of direct throughput in tasks/s (costs %.0f%%). "
                        + "Supervisor direct, batches of %d: %.1fx its single-task throughput in tasks/s.%n%n",
                batch.size(),
                100 * gateway / direct,
                100 * (1 - gateway / direct),
                batch.size(),
                direct / r.maxTaskThroughput("supervisor direct")));
    }

    /**
     * Closed-loop rows (requests and tasks per second, latency at that load), then fixed-rate rows; only the
     * phases these targets ran, so single-task and batch rates stay in their own tables.
     */
    private static void table(StringBuilder md, BenchmarkRun.Results r, List<String> targets, String fixedLabel) {
        // a phase only a ceiling ran (at a slow target's own rate) belongs in that target's table, not here
        List<String> phases = r.phaseOrder.stream()
                .filter(phase -> targets.stream()
                        .filter(target -> !CEILINGS.contains(target))
                        .anyMatch(target ->
                                r.phases.getOrDefault(target, Map.of()).containsKey(phase)))
                .toList();
        for (String phase : phases) {
            if (phase.startsWith("closed")) {
                row(
                        md,
                        "Max throughput, " + phase.substring(7) + " workers: req/s (tasks/s)",
                        r,
                        targets,
                        phase,
                        (target, s) -> String.format(
                                Locale.ROOT, "%,.0f (%,.0f)", s.throughput(), r.tasksPerSecond(target, s)));
                row(
                        md,
                        "  latency at that load p50 / p99 (ms)",
                        r,
                        targets,
                        phase,
                        (target, s) -> f1(s.p50Millis()) + " / " + f1(s.p99Millis()));
            }
        }
        for (String phase : phases) {
            if (phase.startsWith("fixed")) {
                row(md, capitalize(phase) + fixedLabel, r, targets, phase, (target, s) -> latencyCell(s));
            }
        }
    }

    private static List<String> allTargets(BenchmarkRun.Results r) {
        List<String> targets = new ArrayList<>(TARGETS);
        if (r.phases.containsKey(BenchmarkRun.STOCK_THROUGH_GATEWAY)) {
            targets.addAll(STOCK_TARGETS);
        }
        Stream.concat(STOREFRONT_TARGETS.stream(), BID_TARGETS.stream())
                .filter(target -> !targets.contains(target) && r.phases.containsKey(target))
                .forEach(targets::add);
        r.batches.ifPresent(batch -> targets.addAll(batch.targetNames()));
        return targets;
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond)
                ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String share(double part, double whole) {
        double ratio = part / whole;
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "null" : String.format(Locale.ROOT, "%.3f", ratio);
    }

    private interface Cell {
        String of(String target, Summary summary);
    }

    private static void row(
            StringBuilder md, String label, BenchmarkRun.Results r, List<String> targets, String phase, Cell cell) {
        md.append("| ").append(label);
        for (String target : targets) {
            Summary s = r.phases.getOrDefault(target, Map.of()).get(phase);
            md.append(" | ").append(s == null ? "" : cell.of(target, s) + problems(s));
        }
        md.append(" |\n");
    }

    private static String latencyCell(Summary s) {
        return f1(s.p50Millis()) + " / " + f1(s.p90Millis()) + " / " + f1(s.p99Millis()) + " / " + f1(s.maxMillis());
    }

    private static String problems(Summary s) {
        return s.clean()
                ? ""
                : String.format(Locale.ROOT, " (%d non-2xx %s, %d errors)", s.non2xx(), s.non2xxByStatus(), s.errors());
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f0(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String num(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static long sum(Map<String, Long> kilobytes) {
        return kilobytes.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }

    /** The supervisor's database pool in each phase: most connections in use / most requests waiting for one. */
    private static String poolLines(BenchmarkRun.Results r) {
        StringBuilder lines = new StringBuilder("Supervisor database pool, most connections in use / most requests "
                + "waiting for one, per phase (sampled every 500 ms; pool maximum ");
        lines.append(r.supervisorPool.values().stream()
                        .flatMap(phases -> phases.values().stream())
                        .mapToInt(PoolSampler.PoolUse::maximum)
                        .max()
                        .orElse(-1))
                .append("):\n\n");
        r.supervisorPool.forEach((target, phases) -> {
            lines.append("* ").append(target).append(": ");
            List<String> uses = new ArrayList<>();
            phases.forEach((phase, use) -> uses.add(phase + " " + use.mostActive() + " / " + use.mostPending()));
            lines.append(String.join(", ", uses)).append('\n');
        });
        return lines.toString();
    }

    private static String poolJson(BenchmarkRun.Results r) {
        List<String> targets = new ArrayList<>();
        r.supervisorPool.forEach((target, phases) -> {
            List<String> uses = new ArrayList<>();
            phases.forEach((phase, use) -> uses.add(String.format(
                    Locale.ROOT,
                    "\"%s\":{\"maximum\":%d,\"most_active\":%d,\"most_pending\":%d}",
                    phase,
                    use.maximum(),
                    use.mostActive(),
                    use.mostPending())));
            targets.add("\"" + target + "\":{" + String.join(",", uses) + "}");
        });
        return "{" + String.join(",", targets) + "}";
    }
}
