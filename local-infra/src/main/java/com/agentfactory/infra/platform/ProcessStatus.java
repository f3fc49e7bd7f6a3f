package com.agentfactory.infra.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the launcher's status: a service, or a group of infrastructure processes (PostgreSQL's server
 * and backends count as one line). Memory as RSS and PSS (shared pages divided among the processes that map
 * them, so PSS adds up honestly across PostgreSQL's backends); -1 where /proc cannot tell.
 */
public record ProcessStatus(
        String name,
        String state,
        int port,
        String pids,
        int processes,
        long rssKilobytes,
        long pssKilobytes,
        int restarts) {

    static ProcessStatus absent(String name, String state, int port, int restarts) {
        return new ProcessStatus(name, state, port, "-", 0, 0, 0, restarts);
    }

    static ProcessStatus of(String name, String state, int port, long pid, int restarts) {
        return new ProcessStatus(
                name,
                state,
                port,
                String.valueOf(pid),
                1,
                ProcessMemory.rssKilobytes(pid),
                ProcessMemory.pssKilobytes(pid),
                restarts);
    }

    /**
     * This JVM (which runs the Kafka broker) and every process it started that is not a service: PostgreSQL,
     * Redis, a running demo replay.
     */
    static List<ProcessStatus> infrastructure(List<Long> servicePids, OptionalLong postgresPid) {
        Set<Long> services = Set.copyOf(servicePids);
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        groups.put(
                "launcher + Kafka broker",
                new ArrayList<>(List.of(ProcessHandle.current().pid())));
        // PostgreSQL runs detached under its own user: found by its pid file, backends as its children
        postgresPid.stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(Optional::stream)
                .forEach(server -> {
                    List<Long> postgres = groups.computeIfAbsent("PostgreSQL", group -> new ArrayList<>());
                    postgres.add(server.pid());
                    server.descendants().forEach(backend -> postgres.add(backend.pid()));
                });
        Set<Long> known = groups.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        ProcessHandle.current()
                .descendants()
                .filter(process -> !services.contains(process.pid()) && !known.contains(process.pid()))
                .filter(process -> process.parent()
                        .map(parent -> !services.contains(parent.pid()))
                        .orElse(true))
                .forEach(process -> groups.computeIfAbsent(groupOf(process), group -> new ArrayList<>())
                        .add(process.pid()));
        List<ProcessStatus> rows = new ArrayList<>();
        groups.forEach((name, pids) -> rows.add(new ProcessStatus(
                name,
                "UP",
                0,
                pids.size() == 1 ? String.valueOf(pids.getFirst()) : pids.getFirst() + " (+" + (pids.size() - 1) + ")",
                pids.size(),
                pids.stream()
                        .mapToLong(ProcessMemory::rssKilobytes)
                        .filter(kb -> kb > 0)
                        .sum(),
                pids.stream()
                        .mapToLong(ProcessMemory::pssKilobytes)
                        .filter(kb -> kb > 0)
                        .sum(),
                0)));
        return rows;
    }

    private static String groupOf(ProcessHandle process) {
        String command = process.info().command().orElse("?");
        String name = command.substring(command.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("postgres")) {
            return "PostgreSQL";
        }
        if (name.startsWith("redis")) {
            return "Redis";
        }
        return name;
    }

    /** A fixed-width table, then the totals over every line. */
    public static String table(List<ProcessStatus> rows) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-26s %-10s %6s %-14s %10s %10s %8s%n",
                "PROCESS",
                "STATE",
                "PORT",
                "PID",
                "RSS MiB",
                "PSS MiB",
                "RESTARTS"));
        long rss = 0;
        long pss = 0;
        int processes = 0;
        for (ProcessStatus row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-26s %-10s %6s %-14s %10s %10s %8d%n",
                    row.name(),
                    row.state(),
                    row.port() > 0 ? String.valueOf(row.port()) : "",
                    row.pids(),
                    mebibytes(row.rssKilobytes()),
                    mebibytes(row.pssKilobytes()),
                    row.restarts()));
            rss += Math.max(0, row.rssKilobytes());
            pss += Math.max(0, row.pssKilobytes());
            processes += row.processes();
        }
        out.append(String.format(
                Locale.ROOT, "Total: %d MiB RSS, %d MiB PSS in %d processes%n", rss / 1024, pss / 1024, processes));
        return out.toString();
    }

    private static String mebibytes(long kilobytes) {
        return kilobytes < 0 ? "?" : String.valueOf(kilobytes / 1024);
    }
}
