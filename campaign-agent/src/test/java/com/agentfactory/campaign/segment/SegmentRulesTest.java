package com.agentfactory.campaign.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'field': 'country', 'op': 'eq', 'value': 'France'}                 | country = ?",
                "{'field': 'country', 'op': 'ne', 'value': 'France'}                 | country IS DISTINCT FROM ?",
                "{'field': 'order_count', 'op': 'gt', 'value': 3}                    | order_count > ?",
                "{'field': 'total_spent', 'op': 'lt', 'value': 99.5, 'currency': 'GBP'} | customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = ? GROUP BY customer_id HAVING sum(placed_total - cancelled_total) < ?)",
                "{'field': 'order_count', 'op': 'between', 'value': [1, 5]}          | order_count BETWEEN ? AND ?",
                "{'field': 'email', 'op': 'contains', 'value': '@example'}           | strpos(lower(email), lower(?)) > 0",
                "{'field': 'country', 'op': 'in', 'value': ['France', 'Spain', 'Italy']} | country IN (?, ?, ?)",
                "{'field': 'finance_segment', 'op': 'eq', 'value': 'lapsed_customer'} | finance_segment = ?",
                "{'field': 'finance_segment', 'op': 'ne', 'value': 'trade_buyer'}   | finance_segment IS DISTINCT FROM ?",
                "{'field': 'finance_segment', 'op': 'in', 'value': ['lapsed_customer', 'first_time_buyer']} | finance_segment IN (?, ?)"
            })
    void compilesEachOperatorToItsFixedShape(String rule, String sql) {
        CompiledSegment compiled = SegmentRules.compile(Rules.lenient(rule), "rules");

        assertThat(compiled.condition()).isEqualTo(sql);
        assertThat(SegmentShapes.isWhitelistedShape(compiled.condition())).isTrue();
    }

    @Test
    void compilesNestedGroupsWithValuesInOrderAsParameters() {
        CompiledSegment compiled = SegmentRules.compile(Rules.lenient("""
                        {'and': [
                          {'field': 'order_count', 'op': 'gt', 'value': 2},
                          {'or': [
                            {'field': 'country', 'op': 'eq', 'value': 'France'},
                            {'field': 'total_spent', 'op': 'between', 'value': [100, 250.75], 'currency': 'JPY'}
                          ]},
                          {'field': 'last_order_at', 'op': 'gt', 'value': '2026-01-31'}
                        ]}
                        """), "rules");

        assertThat(compiled.condition())
                .isEqualTo("(order_count > ? AND (country = ? OR customer_id IN (SELECT customer_id FROM"
                        + " customer_orders WHERE currency = ? GROUP BY customer_id HAVING"
                        + " sum(placed_total - cancelled_total) BETWEEN ? AND ?)) AND last_order_at > ?)");
        assertThat(SegmentShapes.isWhitelistedShape(compiled.condition())).isTrue();
        assertThat(compiled.parameters())
                .containsExactly(
                        2L,
                        "France",
                        "JPY",
                        new BigDecimal("100"),
                        new BigDecimal("250.75"),
                        OffsetDateTime.of(2026, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void readsInstantsAsWellAsDates() {
        CompiledSegment compiled = SegmentRules.compile(
                Rules.lenient("{'field': 'first_seen_at', 'op': 'lt', 'value': '2026-02-03T10:15:30Z'}"), "rules");

        assertThat(compiled.parameters()).containsExactly(OffsetDateTime.of(2026, 2, 3, 10, 15, 30, 0, ZoneOffset.UTC));
    }

    @Test
    void refusesDatesOutsideTheYearsTheDatabaseStores() {
        assertThat(errors("{'field': 'last_order_at', 'op': 'gt', 'value': '+300000-01-01T00:00:00Z'}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("rules.value");
                    assertThat(error.message()).isEqualTo("must be between 1900-01-01 and 9999-12-31 (UTC)");
                });
        assertThat(errors("{'field': 'first_seen_at', 'op': 'between', 'value': ['1899-12-31', '2026-01-01']}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value[0]");
    }

    @Test
    void keepsTakingTheDatesBefore1970ThatSavedRulesMayHold() {
        CompiledSegment compiled = SegmentRules.compile(
                Rules.lenient(
                        "{'field': 'first_seen_at', 'op': 'between', 'value': ['1900-01-01', '1969-12-31T23:59:59Z']}"),
                "rules");

        assertThat(compiled.parameters())
                .containsExactly(
                        OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC));
    }

    @Test
    void describesTheDatesItTakesWhereAValueIsNoDate() {
        assertThat(errors("{'field': 'last_order_at', 'op': 'gt', 'value': 'yesterday'}"))
                .singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo("must be an ISO-8601 date or instant (2026-01-31 or 2026-01-31T12:00:00Z) between"
                                + " 1900-01-01 and 9999-12-31 (UTC) for last_order_at"));
    }

    @Test
    void namesTheRulePathOfAnUnknownField() {
        assertThat(
                        errors(
                                "{'and': [{'field': 'country', 'op': 'eq', 'value': 'GB'}, {'field': 'age', 'op': 'gt', 'value': 3}]}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.and[1].field");
    }

    @Test
    void namesEveryPartAtFaultAtOnce() {
        assertThat(errors("""
                        {'or': [
                          {'field': 'country', 'op': 'like', 'value': 'GB'},
                          {'and': [{'field': 'order_count', 'op': 'gt', 'value': 'three'}]},
                          {'field': 'email', 'op': 'gt', 'value': 'a'},
                          {'field': 'country', 'op': 'eq', 'value': 'GB', 'raw': '1=1'}
                        ]}
                        """))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.or[0].op", "rules.or[1].and[0].value", "rules.or[2].op", "rules.or[3].raw");
    }

    @Test
    void saysWhichOperatorsAFieldTakes() {
        assertThat(errors("{'field': 'email', 'op': 'between', 'value': ['a', 'b']}"))
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("eq, ne, contains, in"));
    }

    @Test
    void refusesValuesOfTheWrongType() {
        assertThat(errors("{'field': 'order_count', 'op': 'eq', 'value': 2.5}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
        assertThat(errors("{'field': 'total_spent', 'op': 'gt', 'value': '100', 'currency': 'GBP'}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
        assertThat(errors("{'field': 'country', 'op': 'eq', 'value': 7}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
        assertThat(errors("{'field': 'last_order_at', 'op': 'gt', 'value': 'yesterday'}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
        assertThat(errors("{'field': 'order_count', 'op': 'in', 'value': [1, 'two', 3]}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value[1]");
    }

    @Test
    void takesOnlyTheSegmentNamesFinanceAssignsForTheFinanceSegment() {
        assertThat(SegmentRules.compile(
                                Rules.lenient("{'field': 'finance_segment', 'op': 'eq', 'value': 'loyal_collector'}"),
                                "rules")
                        .parameters())
                .containsExactly("loyal_collector");
        assertThat(errors("{'field': 'finance_segment', 'op': 'eq', 'value': 'at_risk'}"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("rules.value");
                    assertThat(error.message())
                            .isEqualTo("must be one of: " + String.join(", ", CustomerSegmentChanged.SEGMENTS)
                                    + " for finance_segment");
                });
        assertThat(errors("{'field': 'finance_segment', 'op': 'eq', 'value': 'Lapsed_Customer'}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
        assertThat(errors("{'field': 'finance_segment', 'op': 'in', 'value': ['lapsed_customer', 'at_risk', 3]}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value[1]", "rules.value[2]");
        assertThat(errors("{'field': 'finance_segment', 'op': 'contains', 'value': 'lapsed'}"))
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("use one of: eq, ne, in"));
    }

    @Test
    void comparesMoneyOnlyWithTheOrdersInTheCurrencyTheConditionNames() {
        CompiledSegment compiled = SegmentRules.compile(
                Rules.lenient("{'field': 'total_spent', 'op': 'gt', 'value': 500, 'currency': 'GBP'}"), "rules");

        assertThat(compiled.condition())
                .isEqualTo("customer_id IN (SELECT customer_id FROM customer_orders WHERE currency = ? GROUP BY"
                        + " customer_id HAVING sum(placed_total - cancelled_total) > ?)");
        assertThat(compiled.parameters()).containsExactly("GBP", new BigDecimal("500"));
    }

    @Test
    void refusesAMoneyConditionWithoutACurrencyAsMalformedInputNamingIt() {
        assertThatThrownBy(() -> SegmentRules.compile(
                        Rules.lenient("{'and': [{'field': 'country', 'op': 'eq', 'value': 'GB'},"
                                + " {'field': 'total_spent', 'op': 'gt', 'value': 500}]}"),
                        "rules"))
                .isExactlyInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("rules.and[1].currency");
                            assertThat(error.message())
                                    .isEqualTo("is required for total_spent: the ISO 4217 code of the amount, such as"
                                            + " GBP");
                        }));
    }

    @Test
    void refusesACurrencyThatIsNoIsoCodeAsMalformedInput() {
        for (String currency : new String[] {"'gbp'", "'POUNDS'", "'GB'", "826", "['GBP']", "null"}) {
            assertThatThrownBy(() -> SegmentRules.compile(
                            Rules.lenient(
                                    "{'field': 'total_spent', 'op': 'gt', 'value': 1, 'currency': " + currency + "}"),
                            "rules"))
                    .as(currency)
                    .isExactlyInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .extracting(FieldErrorDetail::field)
                            .containsExactly("rules.currency"));
        }
    }

    @Test
    void namesEveryErrorOfARuleWithAnAmountWithoutCurrencyInOneAnswer() {
        assertThat(errors("""
                        {'or': [
                          {'field': 'total_spent', 'op': 'gt', 'value': 'lots'},
                          {'field': 'age', 'op': 'gt', 'value': 3}
                        ]}
                        """))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.or[0].currency", "rules.or[0].value", "rules.or[1].field");
    }

    @Test
    void refusesACurrencyOnAFieldThatIsNoMoney() {
        assertThatThrownBy(() -> SegmentRules.compile(
                        Rules.lenient("{'field': 'order_count', 'op': 'gt', 'value': 2, 'currency': 'GBP'}"), "rules"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::field, FieldErrorDetail::message)
                        .containsExactly(tuple("rules.currency", "applies only to money fields: total_spent")));
    }

    @Test
    void refusesABetweenWhoseBoundsAreReversedOrNotAPair() {
        assertThat(errors("{'field': 'order_count', 'op': 'between', 'value': [5, 1]}"))
                .extracting(FieldErrorDetail::message)
                .containsExactly("low must not be above high");
        assertThat(errors("{'field': 'order_count', 'op': 'between', 'value': [1, 2, 3]}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String rule = "{'field': 'country', 'op': 'eq', 'value': 'GB'}";
        for (int depth = 0; depth <= SegmentRuleParser.MAX_GROUP_DEPTH; depth++) {
            rule = "{'and': [" + rule + "]}";
        }

        assertThat(errors(rule))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.and[0].and[0].and[0].and[0].and");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String rule = "{'field': 'country', 'op': 'eq', 'value': 'GB'}";
        for (int depth = 0; depth < SegmentRuleParser.MAX_GROUP_DEPTH; depth++) {
            rule = "{'and': [" + rule + "]}";
        }

        assertThat(SegmentRules.compile(Rules.lenient(rule), "rules").condition())
                .isEqualTo("((((country = ?))))");
    }

    @Test
    void refusesMoreConditionsThanTheLimit() {
        StringBuilder groups = new StringBuilder("{'or': [");
        for (int group = 0; group < 3; group++) {
            groups.append(group == 0 ? "" : ", ").append("{'and': [");
            for (int i = 0; i < 20; i++) {
                groups.append(i == 0 ? "" : ", ").append("{'field': 'order_count', 'op': 'gt', 'value': 1}");
            }
            groups.append("]}");
        }
        groups.append("]}");

        assertThat(errors(groups.toString()))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules");
    }

    @Test
    void refusesARuleThatIsNeitherAConditionNorAGroup() {
        assertThat(errors("[]")).extracting(FieldErrorDetail::field).containsExactly("rules");
        assertThat(errors("{'and': []}")).extracting(FieldErrorDetail::field).containsExactly("rules.and");
        assertThat(errors("{'and': [{'field': 'country', 'op': 'eq', 'value': 'GB'}], 'or': []}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules");
        assertThat(errors("{'field': 'country', 'op': 'eq'}"))
                .extracting(FieldErrorDetail::field)
                .containsExactly("rules.value");
    }

    @Test
    void prefixesErrorsWithTheNameTheRuleHasInItsRequest() {
        assertThatThrownBy(() -> SegmentRules.compile(
                        Rules.lenient("{'field': 'nope', 'op': 'eq', 'value': 1}"), "segment_rule"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::field)
                        .containsExactly("segment_rule.field"));
    }

    static java.util.List<FieldErrorDetail> errors(String rule) {
        try {
            SegmentRules.compile(Rules.lenient(rule), "rules");
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("rule was accepted: " + rule);
    }
}
