package com.agentfactory.campaign.segment;

import com.agentfactory.campaign.money.MoneyConditions;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.time.YearRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a segment rule as it arrives in JSON (maps, lists, strings, numbers) into a {@link SegmentRule},
 * collecting every error with the path of the rule part at fault ({@code rules.and[1].field}). Anything
 * not in the grammar is refused, never passed on: unknown keys, fields and operators, values of the
 * wrong type, too many conditions, too deep a nesting, an amount without the currency it is in.
 */
final class SegmentRuleParser {

    static final int MAX_GROUP_DEPTH = 4;
    static final int MAX_CONDITIONS = 50;
    static final int MAX_GROUP_SIZE = 20;
    static final int MAX_IN_VALUES = 100;
    static final int MAX_TEXT_LENGTH = 200;
    private static final int MAX_ECHOED_KEY = 40;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000000");
    /**
     * Not {@link YearRange#RECORDS}: a saved segment's rule is parsed again each time it is used (a journey's
     * segment step and trigger, a saved segment's preview), and rules were saved while dates from 1900 on were taken. Were
     * 1970 the first year, a saved rule such as {@code first_seen_at gt 1950-01-01} would be refused at every use
     * and stop the journeys that name it, as rules without a currency would have before V14 rewrote them. No
     * customer's {@code last_order_at} or {@code first_seen_at} is before 2000, so the years before 1970 select
     * nobody differently; they only keep such rules valid. The last year is the one PostgreSQL and RECORDS share.
     */
    static final YearRange DATES = new YearRange(1900, YearRange.RECORDS_LAST_YEAR);

    private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value", "currency");

    private final List<FieldErrorDetail> errors = new ArrayList<>();
    private int conditions;
    private boolean malformedMoney;

    private SegmentRuleParser() {}

    /** The rule, or empty with {@code errors} filled. */
    static Parsed parse(Object rule, String path) {
        SegmentRuleParser parser = new SegmentRuleParser();
        SegmentRule parsed = parser.rule(rule, path, 0);
        if (parser.conditions > MAX_CONDITIONS) {
            parser.error(path, "has " + parser.conditions + " conditions; at most " + MAX_CONDITIONS + " are allowed");
        }
        return new Parsed(
                parser.errors.isEmpty() ? Optional.ofNullable(parsed) : Optional.empty(),
                parser.errors,
                parser.malformedMoney);
    }

    /**
     * @param malformedMoney whether an amount came without a currency, or with one that is no ISO 4217 code: money
     *     malformed as it would be anywhere else in a request, rather than a rule the segment language refuses
     */
    record Parsed(Optional<SegmentRule> rule, List<FieldErrorDetail> errors, boolean malformedMoney) {}

    private SegmentRule rule(Object node, String path, int depth) {
        if (!(node instanceof Map<?, ?> map)) {
            error(path, "must be a condition {field, op, value} or a group {and: [...]} or {or: [...]}");
            return null;
        }
        if (map.containsKey("and") || map.containsKey("or")) {
            return group(map, path, depth);
        }
        return condition(map, path);
    }

    private SegmentRule group(Map<?, ?> map, String path, int depth) {
        if (map.size() != 1) {
            error(path, "a group has exactly one key, and or or");
            return null;
        }
        boolean all = map.containsKey("and");
        String key = all ? "and" : "or";
        String groupPath = path + "." + key;
        if (depth >= MAX_GROUP_DEPTH) {
            error(groupPath, "groups may be nested at most " + MAX_GROUP_DEPTH + " deep");
            return null;
        }
        if (!(map.get(key) instanceof List<?> members) || members.isEmpty()) {
            error(groupPath, "must be a non-empty list of rules");
            return null;
        }
        if (members.size() > MAX_GROUP_SIZE) {
            error(groupPath, "has " + members.size() + " rules; at most " + MAX_GROUP_SIZE + " are allowed");
            return null;
        }
        List<SegmentRule> rules = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            rules.add(rule(members.get(i), groupPath + "[" + i + "]", depth + 1));
        }
        // every member is parsed even after one fails, so all errors are reported at once
        return rules.contains(null) ? null : new SegmentRule.Group(all, rules);
    }

    private SegmentRule condition(Map<?, ?> map, String path) {
        conditions++;
        for (Object key : map.keySet()) {
            if (!CONDITION_KEYS.contains(key)) {
                error(
                        path + "." + echo(key),
                        "is not part of a condition; a condition has field, op and value, and currency for money");
            }
        }
        Optional<SegmentField> field = field(map.get("field"), path + ".field");
        Optional<SegmentOperator> operator = operator(map.get("op"), path + ".op");
        int errorsBefore = errors.size();
        String currency =
                field.map(known -> currency(known, map, path + ".currency")).orElse(null);
        boolean currencyValid = errors.size() == errorsBefore;
        if (field.isEmpty() || operator.isEmpty()) {
            return null;
        }
        FieldType type = field.get().type();
        if (!type.operators().contains(operator.get())) {
            error(
                    path + ".op",
                    operator.get().wireName() + " does not apply to "
                            + field.get().wireName() + "; use one of: " + SegmentOperator.names(type.operators()));
            return null;
        }
        if (!map.containsKey("value")) {
            error(path + ".value", "is required");
            return null;
        }
        return values(field.get(), operator.get(), map.get("value"), path + ".value")
                .filter(values -> currencyValid)
                .map(values -> new SegmentRule.Condition(field.get(), operator.get(), values, currency))
                .orElse(null);
    }

    /** The currency a money field's amounts are in; null for other fields, which must not name one. */
    private String currency(SegmentField field, Map<?, ?> map, String path) {
        Object currency = map.get("currency");
        if (field.type() != FieldType.MONEY) {
            if (map.containsKey("currency")) {
                error(path, "applies only to money fields: " + SegmentField.moneyNames());
            }
            return null;
        }
        Optional<String> refusal = MoneyConditions.currencyRefusal(currency, field.wireName());
        if (refusal.isPresent()) {
            malformedMoney = true;
            error(path, refusal.get());
            return null;
        }
        return (String) currency;
    }

    private Optional<SegmentField> field(Object name, String path) {
        if (!(name instanceof String text)) {
            error(path, name == null ? "is required" : "must be a string naming a field");
            return Optional.empty();
        }
        Optional<SegmentField> field = SegmentField.fromWireName(text);
        if (field.isEmpty()) {
            error(path, "unknown field; one of: " + SegmentField.names());
        }
        return field;
    }

    private Optional<SegmentOperator> operator(Object name, String path) {
        if (!(name instanceof String text)) {
            error(path, name == null ? "is required" : "must be a string naming an operator");
            return Optional.empty();
        }
        Optional<SegmentOperator> operator = SegmentOperator.fromWireName(text);
        if (operator.isEmpty()) {
            error(path, "unknown operator; one of: " + SegmentOperator.names(Set.of(SegmentOperator.values())));
        }
        return operator;
    }

    private Optional<List<Object>> values(SegmentField field, SegmentOperator operator, Object value, String path) {
        return switch (operator) {
            case BETWEEN -> between(field, value, path);
            case IN -> in(field, value, path);
            default -> typed(field, value, path).map(List::of);
        };
    }

    private Optional<List<Object>> between(SegmentField field, Object value, String path) {
        if (!(value instanceof List<?> bounds) || bounds.size() != 2) {
            error(path, "must be a list of two values [low, high]");
            return Optional.empty();
        }
        Optional<Object> low = typed(field, bounds.get(0), path + "[0]");
        Optional<Object> high = typed(field, bounds.get(1), path + "[1]");
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (compare(low.get(), high.get()) > 0) {
            error(path, "low must not be above high");
            return Optional.empty();
        }
        return Optional.of(List.of(low.get(), high.get()));
    }

    private Optional<List<Object>> in(SegmentField field, Object value, String path) {
        if (!(value instanceof List<?> members) || members.isEmpty() || members.size() > MAX_IN_VALUES) {
            error(path, "must be a list of 1 to " + MAX_IN_VALUES + " values");
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < members.size(); i++) {
            Optional<Object> member = typed(field, members.get(i), path + "[" + i + "]");
            valid &= member.isPresent();
            member.ifPresent(values::add);
        }
        return valid ? Optional.of(values) : Optional.empty();
    }

    private Optional<Object> typed(SegmentField field, Object value, String path) {
        Optional<Object> typed =
                switch (field.type()) {
                    case TEXT -> text(value, path);
                    case INTEGER -> integer(value);
                    case DECIMAL, MONEY -> decimal(value);
                    case TIMESTAMP -> timestamp(value, path);
                    case CHOICE -> choice(field, value);
                };
        if (typed.isEmpty() && !alreadyReported(path)) {
            error(path, "must be " + field.expectedValue() + " for " + field.wireName());
        }
        return typed;
    }

    private Optional<Object> text(Object value, String path) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            error(path, "must be at most " + MAX_TEXT_LENGTH + " characters");
            return Optional.empty();
        }
        // PostgreSQL refuses NUL in text, and no customer field holds control characters
        if (text.chars().anyMatch(Character::isISOControl)) {
            error(path, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    // exact match, as for field names: a look-alike of a known name is not guessed at
    private static Optional<Object> choice(SegmentField field, Object value) {
        return value instanceof String name && field.choices().contains(name) ? Optional.of(name) : Optional.empty();
    }

    private static Optional<Object> integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            return Math.abs(number) <= Integer.MAX_VALUE ? Optional.of(number) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Object> decimal(Object value) {
        BigDecimal number =
                switch (value) {
                    case BigDecimal decimal -> decimal;
                    case BigInteger big -> new BigDecimal(big);
                    case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
                    case Float f when Float.isFinite(f) -> BigDecimal.valueOf(f.doubleValue());
                    case Integer i -> BigDecimal.valueOf(i);
                    case Long l -> BigDecimal.valueOf(l);
                    case null, default -> null;
                };
        return number != null && number.abs().compareTo(MAX_MAGNITUDE) < 0 ? Optional.of(number) : Optional.empty();
    }

    private Optional<Object> timestamp(Object value, String path) {
        if (!(value instanceof String text) || text.length() > 40) {
            return Optional.empty();
        }
        try {
            // Java reads years PostgreSQL cannot store; one of them would fail the query, and again every time a
            // saved segment holding it is used
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return within(DATES.contains(day), day.atStartOfDay().atOffset(ZoneOffset.UTC), path);
            }
            Instant instant = Instant.parse(text);
            return within(DATES.contains(instant), instant.atOffset(ZoneOffset.UTC), path);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // a date that reads but lies outside gets the message every service gives such a date, not the format's
    private Optional<Object> within(boolean contained, OffsetDateTime parsed, String path) {
        if (!contained) {
            error(path, DATES.requirement());
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object low, Object high) {
        if (low instanceof OffsetDateTime l && high instanceof OffsetDateTime h) {
            return l.compareTo(h);
        }
        return ((Comparable) low).compareTo(high);
    }

    private boolean alreadyReported(String path) {
        return errors.stream().anyMatch(error -> error.field().equals(path));
    }

    private void error(String path, String message) {
        errors.add(new FieldErrorDetail(path, message));
    }

    // a key is echoed into the error path, so long or odd ones are cut to keep the answer small
    private static String echo(Object key) {
        String text = String.valueOf(key);
        return text.length() > MAX_ECHOED_KEY ? text.substring(0, MAX_ECHOED_KEY) + "..." : text;
    }
}
