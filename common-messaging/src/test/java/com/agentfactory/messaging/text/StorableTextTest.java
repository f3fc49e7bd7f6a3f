package com.agentfactory.messaging.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.json.JsonReadErrors;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StorableTextTest {

    record Line(String sku, List<String> tags) {}

    record Order(String note, List<Line> lines) {}

    private final JsonMapper json =
            JsonMapper.builder().addModule(StorableText.module()).build();

    @Test
    void refusesANulInATypedStringFieldAndNamesItsPath() {
        String body = "{\"note\":\"ok\",\"lines\":[{\"sku\":\"A1\",\"tags\":[]},{\"sku\":\"B\\u0000\",\"tags\":[]}]}";

        assertThatThrownBy(() -> json.readValue(body, Order.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                    assertThat(JsonReadErrors.pathOf(e)).isEqualTo("lines[1].sku");
                    assertThat(JsonReadErrors.expectation(e)).isEqualTo(StorableText.NUL_MESSAGE);
                });
    }

    @Test
    void refusesANulInsideAListOfStrings() {
        String body = "{\"note\":\"ok\",\"lines\":[{\"sku\":\"A1\",\"tags\":[\"x\",\"\\u0000\"]}]}";

        assertThatThrownBy(() -> json.readValue(body, Order.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(JsonReadErrors.pathOf(e))
                        .isEqualTo("lines[0].tags[1]"));
    }

    @Test
    void readsOrdinaryTextUnchanged() {
        Order order = json.readValue("{\"note\":\"caf\\u00e9 \\ud83d\\ude00\",\"lines\":[]}", Order.class);

        assertThat(order.note()).isEqualTo("café 😀");
    }

    @Test
    void findsEveryNulInFreeFormJson() {
        var tree =
                json.readTree("{\"a\":\"fine\",\"b\":{\"c\":[\"x\",\"y\\u0000\"]},\"d\\u0000\":1,\"e\":\"\\u0000\"}");

        assertThat(StorableText.nulPaths(tree)).containsExactlyInAnyOrder("b.c[1]", "d\\u0000", "e");
    }
}
