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

    private static final String COLUMN = columns(false);
    private static final String MONEY_COLUMN = columns(true);
    // a money comparison is made only on one currency's orders, whose currency is a placeholder too
    private static final Pattern MONEY_ATOM = Pattern.compile(
            Pattern.quote("customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = ? GROUP BY"
                            + " customer_id HAVING ")
                    + "(?:" + comparisons(MONEY_COLUMN) + ")\\)");
    private static final Pattern ATOM = Pattern.compile(comparisons(COLUMN)
            + "|strpos\\(lower\\(" + COLUMN + "\\), lower\\(\\?\\)\\) > 0"
            + "|" + COLUMN + " IN \\(\\?(?:, \\?)*\\)");
    private static final Pattern GROUP = Pattern.compile("\\(A(?: AND A)*\\)|\\(A(?: OR A)*\\)");

    private SegmentShapes() {}

    static boolean isWhitelistedShape(String sql) {
        String reduced = ATOM.matcher(MONEY_ATOM.matcher(sql).replaceAll("A")).replaceAll("A");
        String previous;
        do {
            previous = reduced;
            reduced = GROUP.matcher(reduced).replaceAll("A");
        } while (!reduced.equals(previous));
        return reduced.equals("A");
    }

    private static String columns(boolean money) {
        return Arrays.stream(SegmentField.values())
                .filter(field -> (field.type() == FieldType.MONEY) == money)
                .map(field -> Pattern.quote(field.column()))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    private static String comparisons(String column) {
        return column + " = \\?"
                + "|" + column + " IS DISTINCT FROM \\?"
                + "|" + column + " > \\?"
                + "|" + column + " < \\?"
                + "|" + column + " BETWEEN \\? AND \\?";
    }

    static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}
