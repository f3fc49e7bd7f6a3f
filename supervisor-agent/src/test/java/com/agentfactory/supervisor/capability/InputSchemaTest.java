package com.agentfactory.supervisor.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.error.FieldErrorDetail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InputSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InputSchema schema = InputSchema.compile(JSON.readTree("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {
               "user_id": {"type": "string", "minLength": 1},
               "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}}},
             "required": ["user_id"],
             "$defs": {"Line": {"type": "object", "properties": {"sku": {"type": "string"},
                                                                 "quantity": {"type": "integer", "minimum": 1}},
                                "required": ["sku"]}}}
            """));

    @Test
    void acceptsAValidInput() {
        assertThat(schema.violations(JSON.readTree("{\"user_id\": \"u1\", \"lines\": [{\"sku\": \"A\"}]}")))
                .isEmpty();
    }

    @Test
    void namesMissingAndNestedFieldsAsJsonPathsFromTheRoot() {
        var violations =
                schema.violations(JSON.readTree("{\"lines\": [{\"sku\": \"A\"}, {\"quantity\": 0}], \"extra\": true}"));

        assertThat(violations)
                .extracting(FieldErrorDetail::field)
                .containsExactly("lines[1].quantity", "lines[1].sku", "user_id");
        assertThat(violations)
                .allSatisfy(violation -> assertThat(violation.message()).isNotBlank());
    }

    @Test
    void checksTheFormatsTheAgentsRecordsDeclare() {
        InputSchema formats = InputSchema.compile(JSON.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"customer_id": {"type": "string", "format": "uuid"},
                                "email": {"type": "string", "format": "email"},
                                "at": {"type": "string", "format": "date-time"}}}
                """));

        assertThat(formats.violations(JSON.readTree(
                        "{\"customer_id\": \"not-a-uuid\", \"email\": \"nobody\", \"at\": \"yesterday\"}")))
                .extracting(FieldErrorDetail::field)
                .containsExactly("at", "customer_id", "email");
        assertThat(formats.violations(JSON.readTree("{\"customer_id\": \"" + java.util.UUID.randomUUID()
                        + "\", \"email\": \"ada@example.com\", \"at\": \"2026-12-02T10:00:00Z\"}")))
                .isEmpty();
    }
}
