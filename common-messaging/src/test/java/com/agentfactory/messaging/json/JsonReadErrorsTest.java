package com.agentfactory.messaging.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonReadErrorsTest {

    enum Channel {
        EMAIL,
        SMS
    }

    record Payment(BigDecimal amount, boolean urgent, UUID id, Instant at, Channel channel, List<String> notes) {}

    record Order(int quantity) {}

    private final JsonMapper json = JsonMapper.builder().build();

    private Throwable reading(String body) {
        return catchThrowable(() -> json.readValue(body, Payment.class));
    }

    @Test
    void saysWhatKindOfValueAFieldNeedsWithoutNamingJavaTypes() {
        assertThat(JsonReadErrors.fieldErrors(reading("{\"amount\":\"lots\"}")))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("amount");
                    assertThat(error.message()).isEqualTo("must be a number");
                });
        assertThat(JsonReadErrors.fieldErrors(reading("{\"urgent\":[1]}"))
                        .getFirst()
                        .message())
                .isEqualTo("must be true or false");
        assertThat(JsonReadErrors.fieldErrors(reading("{\"id\":\"nope\"}"))
                        .getFirst()
                        .message())
                .isEqualTo("must be a UUID");
        assertThat(JsonReadErrors.fieldErrors(reading("{\"at\":\"yesterday\"}"))
                        .getFirst()
                        .message())
                .isEqualTo("must be an ISO-8601 date or time");
        assertThat(JsonReadErrors.fieldErrors(reading("{\"channel\":\"fax\"}"))
                        .getFirst()
                        .message())
                .isEqualTo("must be one of [email, sms]");
        assertThat(JsonReadErrors.detail(reading("{\"amount\":\"lots\"}")))
                .doesNotContain("java.")
                .doesNotContain("BigDecimal");
    }

    @Test
    void aBodyThatIsNotJsonHasNoFieldAtFault() {
        Throwable notJson = reading("{\"amount\": 12,,}");

        assertThat(JsonReadErrors.fieldErrors(notJson)).isEmpty();
        assertThat(JsonReadErrors.detail(notJson)).startsWith("The body is not valid JSON: ");
    }

    @Test
    void anUnfinishedBodyIsDescribedWithoutTheParsersSourceNotes() {
        String detail = JsonReadErrors.detail(reading("{\"notes\": [\"a\""));

        assertThat(detail)
                .startsWith("The body is not valid JSON: ")
                .doesNotContain("`", "Source", "StreamReadFeature");
    }

    @Test
    void aNumberTooLargeForItsFieldNamesTheFieldAndItsRange() {
        Throwable tooLarge = catchThrowable(() -> json.readValue("{\"quantity\": 99999999999999999999}", Order.class));

        assertThat(JsonReadErrors.fieldErrors(tooLarge)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("quantity");
            assertThat(error.message()).isEqualTo("must be a whole number from -2147483648 to 2147483647");
        });
        assertThat(JsonReadErrors.detail(tooLarge)).doesNotContain("`");
    }
}
