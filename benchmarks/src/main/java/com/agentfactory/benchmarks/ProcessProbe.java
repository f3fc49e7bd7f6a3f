package com.agentfactory.benchmarks;

import com.agentfactory.infra.platform.ProcessMemory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Memory and CPU of the processes taking part, from /proc (Linux). The benchmark JVM is split by thread into
 * the load generator (virtual-thread carriers and the open-loop scheduler) and the rest (the Kafka broker);
 * its child processes other than the service JVMs are PostgreSQL (postmaster and backends) and Redis.
 */
final class ProcessProbe {

    static final String LOAD_GENERATOR = "load generator (benchmark JVM threads)";
    static final String BENCHMARK_REST = "Kafka broker + rest of benchmark JVM";
    static final String NATIVE_CHILDREN = "PostgreSQL + Redis processes";
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<String, Long> jvms;
    private final String postgresDataDirectory;

    /**
     * @param jvms service JVMs by name and pid (children of this JVM, reported on their own)
     * @param postgresDataDirectory pg_ctl detaches the postmaster, so it is found by its -D argument
     */
    ProcessProbe(Map<String, Long> jvms, Path postgresDataDirectory) {
        this.jvms = jvms;
        this.postgresDataDirectory = postgresDataDirectory.toString();
    }

    List<Long> nativeChildren() {
        Set<Long> known = Set.copyOf(jvms.values());
        Stream<ProcessHandle> postmasters = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(postgresDataDirectory));
        return Stream.concat(
                        ProcessHandle.current().descendants(),
                        postmasters.flatMap(
                                postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())))
                .map(ProcessHandle::pid)
                .filter(pid -> !known.contains(pid))
                .distinct()
                .collect(Collectors.toList());
    }

    /** RSS in KiB per process group; PostgreSQL's shared buffers are counted once per backend here. */
    Map<String, Long> rssKilobytes() {
        return memoryByGroup(ProcessMemory::rssKilobytes);
    }

    /**
     * Proportional set size in KiB per process group, the same groups as {@link #rssKilobytes()}: a page shared by n
     * processes (PostgreSQL's shared buffers, the JDK's class-data archive, libjvm) counts 1/n in each, so the groups
     * add up to what the run really occupies.
     */
    Map<String, Long> pssKilobytes() {
        return memoryByGroup(ProcessMemory::pssKilobytes);
    }

    private Map<String, Long> memoryByGroup(LongUnaryOperator kilobytesOfPid) {
        Map<String, Long> memory = new LinkedHashMap<>();
        jvms.forEach((name, pid) -> memory.put(name, kilobytesOfPid.applyAsLong(pid)));
        memory.put(
                "benchmark JVM (load generator + Kafka broker)",
                kilobytesOfPid.applyAsLong(ProcessHandle.current().pid()));
        memory.put(
                NATIVE_CHILDREN,
                nativeChildren().stream()
                        .mapToLong(pid -> Math.max(0, kilobytesOfPid.applyAsLong(pid)))
                        .sum());
        return memory;
    }

    /** CPU ticks so far per group, plus "machine busy" and "machine total" from /proc/stat. */
    Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        jvms.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
        long loadGenerator = 0;
        long rest = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = read(task.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                long used = ticksOf(stat);
                if (comm.startsWith("ForkJoinPool-") || comm.startsWith("loadgen")) {
                    loadGenerator += used;
                } else {
                    rest += used;
                }
            }
        } catch (IOException e) {
            // leave the split empty
        }
        ticks.put(LOAD_GENERATOR, loadGenerator);
        ticks.put(BENCHMARK_REST, rest);
        ticks.put(
                NATIVE_CHILDREN,
                nativeChildren().stream().mapToLong(ProcessProbe::processTicks).sum());
        String cpu = read(Path.of("/proc/stat"));
        if (cpu != null) {
            String[] fields = cpu.lines().findFirst().orElse("").trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            ticks.put("machine busy", total - idle);
            ticks.put("machine total", total);
        }
        return ticks;
    }

    /** CPU use between two samples, in percent of one core (200% = both cores of a 2-core machine). */
    static Map<String, Double> cpuPercent(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> percent = new LinkedHashMap<>();
        after.forEach((group, ticks) -> {
            if (group.startsWith("machine")) {
                return;
            }
            long delta = Math.max(0, ticks - before.getOrDefault(group, 0L));
            percent.put(group, 100.0 * delta / TICKS_PER_SECOND / seconds);
        });
        long busy = after.getOrDefault("machine busy", 0L) - before.getOrDefault("machine busy", 0L);
        long total = after.getOrDefault("machine total", 0L) - before.getOrDefault("machine total", 0L);
        if (total > 0) {
            percent.put(
                    "machine busy (all processes)", 100.0 * Runtime.getRuntime().availableProcessors() * busy / total);
        }
        return percent;
    }

    private static long processTicks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? 0 : ticksOf(stat);
    }

    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
