package com.agentfactory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loops allow exactly what Spring Security's strict firewall allows with its default predicates. */
class FirewallCharactersTest {

    // the expressions of the strict firewalls' default predicates (Spring Security 7.0, servlet and reactive alike)
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void allowsEveryCodePointTheFirewallsExpressionsAllowAndNoOther() {
        List<Integer> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (FirewallCharacters.allowedInName(text) != NAME.matcher(text).matches()
                    || FirewallCharacters.allowedInHeaderValue(text)
                            != HEADER_VALUE.matcher(text).matches()) {
                differing.add(codePoint);
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void judgesWholeValuesAsTheExpressionsDo() {
        List<String> values = List.of(
                "",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
                "text/html,application/xhtml+xml;q=0.9",
                "tab\there",
                "new\nline",
                "carriage\rreturn",
                "nul\u0000",
                "delete\u007f",
                "next line\u0085",
                "Grüße, 東京",
                "emoji \uD83D\uDE00",
                "lone high \uD800 surrogate",
                "lone low \uDC00",
                "unassigned \u0378");
        for (String value : values) {
            assertThat(FirewallCharacters.allowedInName(value))
                    .as("name %s", value)
                    .isEqualTo(NAME.matcher(value).matches());
            assertThat(FirewallCharacters.allowedInHeaderValue(value))
                    .as("header value %s", value)
                    .isEqualTo(HEADER_VALUE.matcher(value).matches());
        }
        assertThat(FirewallCharacters.allowedInName(null)).isTrue();
        assertThat(FirewallCharacters.allowedInHeaderValue(null)).isTrue();
        assertThat(FirewallCharacters.allowedInHeaderValue("tab\there")).isTrue();
        assertThat(FirewallCharacters.allowedInName("tab\there")).isFalse();
        assertThat(FirewallCharacters.allowedInHeaderValue("new\nline")).isFalse();
    }
}
