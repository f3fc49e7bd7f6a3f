package com.agentfactory.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TaskInputReaderTest {

    record Line(@NotNull UUID productId, @Min(1) int quantity) {}

    record OrderInput(
            @NotBlank String customerName, @Min(1) @Max(50) Integer limit, List<@Valid Line> lines) {}

    private final TaskInputReader reader =
            new TaskInputReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void readsSnakeCaseInputIntoTheRecordIgnoringUnknownFields() {
        UUID product = UUID.randomUUID();
        OrderInput input = reader.read(
                json("{\"customer_name\":\"Ada\",\"limit\":5,\"lines\":[{\"product_id\":\"" + product
                        + "\",\"quantity\":2}],\"extra\":true}"),
                OrderInput.class);

        assertThat(input.customerName()).isEqualTo("Ada");
        assertThat(input.lines()).containsExactly(new Line(product, 2));
    }

    @Test
    void namesEveryViolatedConstraintInSnakeCaseIncludingNestedOnes() {
        assertThatThrownBy(() -> reader.read(json("{\"limit\":500,\"lines\":[{\"quantity\":0}]}"), OrderInput.class))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e)
                        .errors().stream().map(FieldErrorDetail::field).toList())
                .isEqualTo(List.of("customer_name", "limit", "lines[0].product_id", "lines[0].quantity"));
    }

    @Test
    void namesTheFieldWhoseValueHasTheWrongType() {
        assertThatThrownBy(() -> reader.read(
                        json("{\"customer_name\":\"Ada\",\"lines\":[{\"product_id\":\"not-a-uuid\",\"quantity\":1}]}"),
                        OrderInput.class))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    FieldErrorDetail error =
                            ((InvalidInputException) e).errors().getFirst();
                    assertThat(error.field()).isEqualTo("lines[0].product_id");
                    assertThat(error.message()).doesNotContain("java.util");
                });
    }

    @Test
    void treatsMissingInputAsAnEmptyObjectSoRequiredFieldsAreReported() {
        assertThatThrownBy(() -> reader.read(null, OrderInput.class))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().getFirst().field())
                .isEqualTo("customer_name");
    }

    @Test
    void refusesInputThatIsNotAnObject() {
        assertThatThrownBy(() -> reader.read(json("[1,2]"), OrderInput.class))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().getFirst().field())
                .isEqualTo("input_data");
    }

    @Test
    void schemasNameFieldsAsTheReaderReadsThemWithTheirConstraints() {
        JsonNode schema = new TaskSchemas().schemaOf(OrderInput.class);

        assertThat(schema.path("$schema").asString()).contains("2020-12");
        assertThat(schema.path("required").toString()).contains("customer_name");
        assertThat(schema.at("/properties/limit/minimum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/limit/maximum").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/lines/items/properties/product_id/format")
                        .asString())
                .isEqualTo("uuid");
        assertThat(schema.at("/properties/lines/items/required").toString()).contains("product_id");
    }

    private static JsonNode json(String text) {
        return TaskInputReader.TASK_JSON.readTree(text);
    }
}
