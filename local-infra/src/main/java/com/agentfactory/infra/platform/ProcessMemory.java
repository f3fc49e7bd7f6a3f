package com.agentfactory.infra.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident and proportional set sizes of a process, from /proc (Linux); -1 where they cannot be read. */
public final class ProcessMemory {

    private ProcessMemory() {}

    public static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size: each shared page counted once across the processes that share it. */
    public static long pssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
