package com.agentfactory.campaign.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injection attempts against the segment rule language. Each is either refused with the rule path at fault,
 * or compiles to a condition of the whitelisted shapes whose placeholders carry every value, the attack text
 * among them, verbatim, and never in the SQL itself.
 */
class SegmentInjectionCorpusTest {

    private static final String NESTED_SELECT = "(SELECT password_hash FROM identity.users LIMIT 1)";

    static Stream<Arguments> refusedAttempts() {
        return Stream.of(
                // field names: only exact whitelisted names exist
                refused("field with statement terminator", condition("email; DROP TABLE customers; --", "eq", "a")),
                refused("field with tautology", condition("email = email OR 1=1 --", "eq", "a")),
                refused("field with double quotes", condition("email\" OR \"1\"=\"1", "eq", "a")),
                refused("field as sub-select", condition(NESTED_SELECT, "eq", "a")),
                refused("field with UNION", condition("email UNION SELECT customer_id FROM consents", "eq", "a")),
                refused("field with Cyrillic look-alike letter", condition("em\u0430il", "eq", "a")),
                refused("field in fullwidth letters", condition("\uFF45mail", "eq", "a")),
                refused("field with NUL byte", condition("email\u0000", "eq", "a")),
                refused("field in upper case", condition("EMAIL", "eq", "a")),
                refused("field with leading space", condition(" email", "eq", "a")),
                refused("field with block comment", condition("email/**/", "eq", "a")),
                refused("schema-qualified column", condition("customers.email", "eq", "a")),
                refused("function call as field", condition("pg_sleep(10)", "eq", "a")),
                refused("field as a number", condition(42, "eq", "a")),
                refused("field as an object", condition(Map.of("sql", "1=1"), "eq", "a")),
                // operators: only the seven words
                refused("operator with tautology", condition("email", "= ? OR 1=1 --", "a")),
                refused("operator with second statement", condition("email", "eq; DELETE FROM campaigns", "a")),
                refused("operator in upper case", condition("email", "EQ", "a")),
                refused("operator LIKE", condition("email", "like", "%")),
                refused("operator with quote", condition("email", "eq'", "a")),
                refused("operator in fullwidth letters", condition("email", "\uFF45q", "a")),
                refused("operator with zero-width space", condition("email", "e\u200Bq", "a")),
                // values of typed fields: a string never becomes a number or a date
                refused("tautology as a number", condition("order_count", "gt", "1 OR 1=1")),
                refused(
                        "statement as a decimal",
                        withKey(condition("total_spent", "gt", "100; DROP TABLE customers"), "currency", "GBP")),
                // a currency is three capital letters, so nothing else of a caller's reaches even a parameter
                refused(
                        "tautology after a currency",
                        withKey(condition("total_spent", "gt", 100), "currency", "GBP' OR '1'='1")),
                refused(
                        "statement as a currency",
                        withKey(condition("total_spent", "gt", 100), "currency", "x'; DROP TABLE customers; --")),
                refused(
                        "sub-select as a currency",
                        withKey(condition("total_spent", "gt", 100), "currency", NESTED_SELECT)),
                refused(
                        "currency as an object",
                        withKey(condition("total_spent", "gt", 100), "currency", Map.of("raw", "1=1"))),
                refused("amount without a currency", condition("total_spent", "gt", 100)),
                refused(
                        "currency on a field that is no money",
                        withKey(condition("country", "eq", "GB"), "currency", "GBP")),
                refused("statement after a date", condition("last_order_at", "gt", "2026-01-01'; DROP TABLE x; --")),
                refused(
                        "between bound with a parenthesis",
                        condition("order_count", "between", List.of(1, "2) OR (1=1"))),
                refused("in list with a sub-select", condition("order_count", "in", List.of(1, NESTED_SELECT))),
                refused("NUL byte in a text value", condition("country", "eq", "GB\u0000' OR 1=1")),
                refused("value as an object", condition("country", "eq", Map.of("raw", "1=1"))),
                // a finance segment is one of the names finance assigns, exactly, and nothing else
                refused(
                        "tautology after a segment name",
                        condition("finance_segment", "eq", "lapsed_customer' OR '1'='1")),
                refused(
                        "statement as a segment name",
                        condition("finance_segment", "ne", "x'; DROP TABLE customers; --")),
                refused("segment name in upper case", condition("finance_segment", "eq", "LAPSED_CUSTOMER")),
                refused("segment name with trailing space", condition("finance_segment", "eq", "lapsed_customer ")),
                refused(
                        "in list of segments with a sub-select",
                        condition("finance_segment", "in", List.of("lapsed_customer", NESTED_SELECT))),
                refused("pattern match on a segment", condition("finance_segment", "contains", "%")),
                refused("range over segments", condition("finance_segment", "gt", "a")),
                // structure: nothing but field, op, value, and, or
                refused("extra raw SQL key", withKey(condition("country", "eq", "GB"), "sql", "1=1")),
                refused(
                        "group with a second key",
                        Map.of("and", List.of(condition("country", "eq", "GB")), "raw", "1=1")),
                refused("group that is a string", Map.of("or", "1=1")),
                refused("rule that is SQL text", "1=1; DROP TABLE customers"),
                refused("key with trailing space", withKey(condition("country", "eq", "GB"), "value ", "x")),
                refused("nesting far deeper than allowed", deeplyNested(40)));
    }

    static Stream<Arguments> boundAttempts() {
        return Stream.of(
                bound("quote tautology", "country", "eq", "' OR '1'='1"),
                bound("statement after a quote", "country", "eq", "x'; DROP TABLE customers; --"),
                bound("UNION in a value", "email", "eq", "' UNION SELECT customer_id::text FROM consents --"),
                bound("block comment in a value", "country", "ne", "/* comment */ GB"),
                bound("time-based probe", "country", "eq", "GB' AND pg_sleep(10) IS NULL --"),
                bound("LIKE wildcard percent", "email", "contains", "%"),
                bound("LIKE wildcard underscore", "email", "contains", "_"),
                bound("modifier letter apostrophe", "country", "eq", "\u02BC OR 1=1 --"),
                bound("backslash escape", "customer_number", "eq", "\\'; SELECT 1; --"),
                bound("dollar quoting", "country", "eq", "$$; DROP TABLE customers; $$"),
                bound("sub-select as a value", "email", "eq", NESTED_SELECT),
                bound("fullwidth quote", "country", "eq", "\uFF07 OR 1=1 --"),
                bound("right-to-left override", "country", "eq", "\u202E--1=1 RO '"),
                bound("placeholder in a value", "country", "eq", "? OR ? = ?"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusedAttempts")
    void refusesTheAttemptNamingTheRulePart(String name, Object rule) {
        assertThatThrownBy(() -> SegmentRules.compile(rule, "rules"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .isNotEmpty()
                        .allSatisfy(error -> assertThat(error.field()).startsWith("rules")));
    }

    @ParameterizedTest(name = "binds {0}")
    @MethodSource("boundAttempts")
    void bindsTheAttemptAsAParameterOfAWhitelistedShape(String name, String field, String op, String attack) {
        for (var shape : List.<java.util.function.Function<String, Object>>of(
                value -> condition(field, op, value),
                value -> Map.of(
                        "or",
                        List.of(
                                condition("order_count", "gt", 1),
                                Map.of(
                                        "and",
                                        List.of(
                                                condition(field, op, value),
                                                condition(field, "in", List.of("a", value)))))))) {
            CompiledSegment attacked = SegmentRules.compile(shape.apply(attack), "rules");
            CompiledSegment harmless = SegmentRules.compile(shape.apply("harmless"), "rules");

            assertThat(attacked.condition())
                    .as("the attack leaves the query as a harmless value does")
                    .isEqualTo(harmless.condition());
            assertThat(SegmentShapes.isWhitelistedShape(attacked.condition()))
                    .as(attacked.condition())
                    .isTrue();
            assertThat(SegmentShapes.placeholders(attacked.condition()))
                    .isEqualTo(attacked.parameters().size());
            assertThat(attacked.parameters()).contains(attack);
            assertThat(attacked.parameters().stream().filter(attack::equals).count())
                    .isEqualTo(harmless.parameters().stream()
                            .filter("harmless"::equals)
                            .count());
        }
    }

    @ParameterizedTest(name = "the shape check itself rejects {0}")
    @MethodSource("tamperedConditions")
    void theShapeCheckRejectsConditionsThatCarrySqlOfTheirOwn(String condition) {
        assertThat(SegmentShapes.isWhitelistedShape(condition)).isFalse();
    }

    static Stream<String> tamperedConditions() {
        return Stream.of(
                "country = 'GB'",
                "country = ? OR 1=1",
                "(country = ? AND order_count > ? OR email = ?)",
                "country = ?; DROP TABLE customers",
                "password = ?",
                "country = ? --",
                "sum(placed_total - cancelled_total) > ?",
                "customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = 'GBP' GROUP BY customer_id"
                        + " HAVING sum(placed_total - cancelled_total) > ?)",
                "customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = ? GROUP BY customer_id"
                        + " HAVING country = ?)",
                "country IN (SELECT country FROM customers)");
    }

    private static Arguments refused(String name, Object rule) {
        return Arguments.of(name, rule);
    }

    private static Arguments bound(String name, String field, String op, String attack) {
        return Arguments.of(name, field, op, attack);
    }

    private static Map<String, Object> condition(Object field, String op, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("op", op);
        condition.put("value", value);
        return condition;
    }

    private static Map<String, Object> withKey(Map<String, Object> condition, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(condition);
        changed.put(key, value);
        return changed;
    }

    private static Object deeplyNested(int depth) {
        Object rule = condition("country", "eq", "GB");
        for (int i = 0; i < depth; i++) {
            List<Object> members = new ArrayList<>();
            members.add(rule);
            rule = Map.of(i % 2 == 0 ? "and" : "or", members);
        }
        return rule;
    }
}
