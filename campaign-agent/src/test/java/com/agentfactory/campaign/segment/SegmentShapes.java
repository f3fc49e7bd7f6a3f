package com.agentfactory.campaign.segment;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The grammar of every SQL condition the compiler may produce: whitelisted columns in fixed comparison
 * fragments with {@code ?} placeholders, combined in parenthesised AND or OR groups. A condition that reduces
 * to one atom under this grammar cannot hold anything a caller wrote.
 */
final class SegmentShapes {

    private static final String COLUMN =
            Arrays.stream(SegmentField.values()).map(SegmentField::column).collect(Collectors.joining("|", "(?:", ")"));
    private static final Pattern ATOM = Pattern.compile(COLUMN + " = \\?"
            + "|" + COLUMN + " IS DISTINCT FROM \\?"
            + "|" + COLUMN + " > \\?"
            + "|" + COLUMN + " < \\?"
            + "|" + COLUMN + " BETWEEN \\? AND \\?"
            + "|strpos\\(lower\\(" + COLUMN + "\\), lower\\(\\?\\)\\) > 0"
            + "|" + COLUMN + " IN \\(\\?(?:, \\?)*\\)");
    private static final Pattern GROUP = Pattern.compile("\\(A(?: AND A)*\\)|\\(A(?: OR A)*\\)");

    private SegmentShapes() {}

    static boolean isWhitelistedShape(String sql) {
        String reduced = ATOM.matcher(sql).replaceAll("A");
        String previous;
        do {
            previous = reduced;
            reduced = GROUP.matcher(reduced).replaceAll("A");
        } while (!reduced.equals(previous));
        return reduced.equals("A");
    }

    static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}
