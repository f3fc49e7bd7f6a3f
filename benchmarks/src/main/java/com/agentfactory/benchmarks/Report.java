package com.agentfactory.benchmarks;

import com.agentfactory.benchmarks.load.Measurement.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a run's results as Markdown tables and as one JSON line. */
final class Report {

    static final List<String> TARGETS = List.of("hello", "supervisor direct", "through gateway");
    private static final long BUDGET_KILOBYTES = 8L * 1024 * 1024;

    private Report() {}

    static String ratePhase(double rate) {
        return String.format(Locale.ROOT, "fixed %.0f/s", rate);
    }

    static String describe(Summary s) {
        return String.format(
                Locale.ROOT,
                "%.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d ok, %d non-2xx %s, %d errors",
                s.throughput(),
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
        md.append("| Measure | hello (ceiling) | supervisor direct | through gateway |\n");
        md.append("|---|---:|---:|---:|\n");
        for (String phase : r.phaseOrder) {
            if (phase.startsWith("closed")) {
                row(md, "Max throughput, " + phase.substring(7) + " workers (req/s)", r, phase, Report::throughputCell);
                row(
                        md,
                        "  latency at that load p50 / p99 (ms)",
                        r,
                        phase,
                        s -> f1(s.p50Millis()) + " / " + f1(s.p99Millis()));
            }
        }
        for (String phase : r.phaseOrder) {
            if (phase.startsWith("fixed")) {
                row(md, capitalize(phase) + ": p50 / p90 / p99 / max (ms)", r, phase, Report::latencyCell);
            }
        }
        md.append('\n');
        double supervisor = r.maxThroughput("supervisor direct");
        double gateway = r.maxThroughput("through gateway");
        double hello = r.maxThroughput("hello");
        md.append(String.format(
                Locale.ROOT,
                "Gateway: %.0f%% of direct throughput (costs %.0f%%). Supervisor: %.0f%% of the hello ceiling.%n",
                100 * gateway / supervisor,
                100 * (1 - gateway / supervisor),
                100 * supervisor / hello));
        md.append(String.format(
                Locale.ROOT,
                "Outbox backlog at the end: %s; after draining %.0f s: %s.%n%n",
                f0(r.backlogAtEnd),
                r.drainSeconds,
                f0(r.backlogAfterDrain)));

        md.append("CPU during the best closed-loop phase of each target (% of one core; the machine has ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores = ")
                .append(100 * Runtime.getRuntime().availableProcessors())
                .append("%):\n\n");
        md.append("| Process | hello | supervisor direct | through gateway |\n|---|---:|---:|---:|\n");
        Set<String> groups = new LinkedHashSet<>();
        for (String target : TARGETS) {
            groups.addAll(r.cpu.getOrDefault(target, Map.of())
                    .getOrDefault(r.maxPhase(target), Map.of())
                    .keySet());
        }
        for (String group : groups) {
            md.append("| ").append(group);
            for (String target : TARGETS) {
                Double value = r.cpu.getOrDefault(target, Map.of())
                        .getOrDefault(r.maxPhase(target), Map.of())
                        .get(group);
                md.append(" | ").append(value == null ? "" : String.format(Locale.ROOT, "%.0f%%", value));
            }
            md.append(" |\n");
        }
        md.append('\n');

        md.append("| Process (at the end of the run) | RSS (MiB) |\n|---|---:|\n");
        long total = 0;
        for (Map.Entry<String, Long> entry : r.rssKilobytes.entrySet()) {
            md.append("| ")
                    .append(entry.getKey())
                    .append(" | ")
                    .append(entry.getValue() / 1024)
                    .append(" |\n");
            total += Math.max(0, entry.getValue());
        }
        md.append(String.format(
                Locale.ROOT,
                "| **total** | **%d** (%.0f%% of the 8 GiB budget) |%n",
                total / 1024,
                100.0 * total / BUDGET_KILOBYTES));
        md.append(String.format(
                Locale.ROOT,
                "%nPostgreSQL + Redis PSS (shared buffers counted once): %d MiB. Run took %d s.%n",
                r.nativePssKilobytes / 1024,
                r.wallSeconds));
        md.append(
                r.foreignJvms.isEmpty()
                        ? "No other JVMs were seen on the machine during the run.\n"
                        : "WARNING: other JVMs were seen on the machine during the run (numbers are low): "
                                + r.foreignJvms + "\n");
        return md.toString();
    }

    static String json(BenchmarkRun.Results r) {
        List<String> targets = new ArrayList<>();
        for (String target : TARGETS) {
            List<String> phases = new ArrayList<>();
            r.phases
                    .getOrDefault(target, Map.of())
                    .forEach((phase, s) -> phases.add(String.format(
                            Locale.ROOT,
                            "\"%s\":{\"throughput\":%.1f,\"p50_ms\":%s,\"p90_ms\":%s,\"p99_ms\":%s,\"max_ms\":%s,"
                                    + "\"ok\":%d,\"non_2xx\":%d,\"errors\":%d}",
                            phase,
                            s.throughput(),
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
        long total =
                r.rssKilobytes.values().stream().mapToLong(v -> Math.max(0, v)).sum();
        return String.format(
                Locale.ROOT,
                "{\"benchmark\":\"task-intake\",\"cores\":%d,\"half_rate\":%.0f,\"low_rate\":%.0f,\"targets\":{%s},"
                        + "\"gateway_share_of_direct\":%.3f,\"rss_kb\":{%s},\"rss_total_kb\":%d,"
                        + "\"native_children_pss_kb\":%d,\"outbox_backlog_end\":%s,\"outbox_backlog_after_drain\":%s,"
                        + "\"wall_seconds\":%d,\"other_jvms\":%d,\"gateway_rate_limit\":%b}",
                Runtime.getRuntime().availableProcessors(),
                r.halfRate,
                r.lowRate,
                String.join(",", targets),
                r.maxThroughput("through gateway") / r.maxThroughput("supervisor direct"),
                String.join(",", rss),
                total,
                r.nativePssKilobytes,
                num(r.backlogAtEnd),
                num(r.backlogAfterDrain),
                r.wallSeconds,
                r.foreignJvms.size(),
                r.rateLimit);
    }

    private interface Cell {
        String of(Summary summary);
    }

    private static void row(StringBuilder md, String label, BenchmarkRun.Results r, String phase, Cell cell) {
        md.append("| ").append(label);
        for (String target : TARGETS) {
            Summary s = r.phases.getOrDefault(target, Map.of()).get(phase);
            md.append(" | ").append(s == null ? "" : cell.of(s) + problems(s));
        }
        md.append(" |\n");
    }

    private static String throughputCell(Summary s) {
        return String.format(Locale.ROOT, "%,.0f", s.throughput());
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
}
