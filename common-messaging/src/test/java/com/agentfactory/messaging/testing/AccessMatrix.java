package com.agentfactory.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The access matrix of docs/access-matrix.md: for every operation of every service, who may call it. The gateway's
 * access test holds its decisions to it; every service's test checks that each operation it serves has a row, so an
 * endpoint cannot be added without deciding who reaches it.
 */
public final class AccessMatrix {

    public static final String FILE = "docs/access-matrix.md";
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*(GET|POST|PUT|PATCH|DELETE) (/\\S*)\\s*\\|(.*)\\|\\s*$");

    /** The callers the matrix has a column for, in its column order. */
    public enum Role {
        ANONYMOUS,
        CUSTOMER,
        SUPPORT_AGENT,
        MARKETING_MANAGER,
        ADMIN,
        SYSTEM_AGENT
    }

    /** What a caller gets at the gateway. */
    public enum Access {
        /** admitted */
        YES,
        /** refused: 401 without a token, 403 with one */
        NO,
        /** a customer is admitted only with its own customer id in the path; another's is refused */
        OWN,
        /** admitted; the service answers 404 for what is not the customer's own (tested in the service) */
        OWNED;

        static Access parse(String cell) {
            return Access.valueOf(cell.strip().toUpperCase(Locale.ROOT));
        }
    }

    public record Row(String method, String path, Map<Role, Access> access) {

        public String operation() {
            return method + " " + path;
        }
    }

    private final List<Row> rows;

    private AccessMatrix(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static AccessMatrix load() {
        Path file = locate();
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                var match = ROW.matcher(line);
                if (!match.matches()) {
                    continue;
                }
                String[] cells = match.group(3).split("\\|");
                if (cells.length != Role.values().length) {
                    throw new IllegalStateException(
                            FILE + ": " + Role.values().length + " columns expected in " + line);
                }
                Map<Role, Access> access = new LinkedHashMap<>();
                for (Role role : Role.values()) {
                    access.put(role, Access.parse(cells[role.ordinal()]));
                }
                rows.add(new Row(match.group(1), match.group(2), access));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AccessMatrix(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        rows.forEach(row -> operations.add(row.operation()));
        return operations;
    }

    /** The operations among {@code served} that have no row, named as the OpenAPI document names them. */
    public Set<String> missing(Set<String> served) {
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(operations());
        return missing;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + FILE + " above " + Path.of("").toAbsolutePath());
    }
}
