package com.agentfactory.ad.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The simulator's flags, validated. */
record SimulatorOptions(
        Path log,
        Path stats,
        int episode,
        double c0,
        List<String> policies,
        long seed,
        List<String> parts,
        int dqnEpochs,
        int dqnNetworks,
        Path dqnModelOut) {

    static final List<String> KNOWN_POLICIES = List.of("lin", "rlb", "dqn");
    static final List<String> ALL_PARTS = PolicyComparison.PARTS;

    static final String USAGE = "usage: --log FILE --stats FILE [--episode 1000] [--c0 1/32] [--policies lin,rlb,dqn]"
            + " [--seed 42] [--part first|second|all|every] [--dqn-epochs 20]"
            + " [--dqn-networks 3] [--dqn-model-out FILE]";

    static SimulatorOptions parse(String[] args) {
        Path log = null;
        Path stats = null;
        int episode = 1000;
        double c0 = 1.0 / 32;
        List<String> policies = KNOWN_POLICIES;
        long seed = 42;
        List<String> parts = ALL_PARTS;
        int dqnEpochs = 20;
        int dqnNetworks = 3;
        Path dqnModelOut = null;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (!flag.startsWith("--")) {
                throw new SimulationInputException("unexpected argument '" + flag + "'; " + USAGE);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new SimulationInputException("flag " + flag + " needs a value; " + USAGE);
            }
            if (!seen.add(flag)) {
                throw new SimulationInputException("flag " + flag + " given twice");
            }
            String value = args[i + 1];
            switch (flag) {
                case "--log" -> log = Path.of(value);
                case "--stats" -> stats = Path.of(value);
                case "--episode" -> episode = positiveInt(flag, value);
                case "--c0" -> c0 = fraction(flag, value);
                case "--policies" -> policies = policies(value);
                case "--seed" -> seed = longValue(flag, value);
                case "--part" -> parts = parts(value);
                case "--dqn-epochs" -> dqnEpochs = positiveInt(flag, value);
                case "--dqn-networks" -> dqnNetworks = positiveInt(flag, value);
                case "--dqn-model-out" -> dqnModelOut = Path.of(value);
                default -> throw new SimulationInputException("unknown flag " + flag + "; " + USAGE);
            }
        }
        if (log == null || stats == null) {
            throw new SimulationInputException("--log and --stats are required; " + USAGE);
        }
        return new SimulatorOptions(
                log, stats, episode, c0, policies, seed, parts, dqnEpochs, dqnNetworks, dqnModelOut);
    }

    private static int positiveInt(String flag, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed <= 0) {
                throw new SimulationInputException(flag + " must be a positive integer, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SimulationInputException(flag + " must be a positive integer, got '" + value + "'");
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SimulationInputException(flag + " must be an integer, got '" + value + "'");
        }
    }

    /** A positive number written as a decimal (0.03125) or a fraction (1/32). */
    private static double fraction(String flag, String value) {
        try {
            int slash = value.indexOf('/');
            double parsed = slash < 0
                    ? Double.parseDouble(value)
                    : Double.parseDouble(value.substring(0, slash)) / Double.parseDouble(value.substring(slash + 1));
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new SimulationInputException(flag + " must be a positive number, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SimulationInputException(flag + " must be a number such as 0.03125 or 1/32, got '" + value + "'");
        }
    }

    private static List<String> policies(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String trimmed = name.strip().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN_POLICIES.contains(trimmed)) {
                throw new SimulationInputException("unknown policy '" + name + "'; known: " + KNOWN_POLICIES);
            }
            if (!names.contains(trimmed)) {
                names.add(trimmed);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> parts(String value) {
        return switch (value) {
            case "first", "second", "all" -> List.of(value);
            case "every" -> ALL_PARTS;
            default ->
                throw new SimulationInputException("--part must be first, second, all or every, got '" + value + "'");
        };
    }
}
