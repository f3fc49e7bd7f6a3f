package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schemas (draft 2020-12) generated from the handlers' records by victools' generator, with their
 * Bean Validation constraints (required, lengths, ranges, patterns) and the snake_case names they have on
 * the wire, so the schema the supervisor checks at intake says what the runtime will accept.
 */
final class TaskSchemas {

    private final SchemaGenerator generator;

    TaskSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(
                        JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.NOT_NULLABLE_METHOD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        // names without @JsonProperty take the SNAKE_CASE strategy the services' JSON uses
        config.forFields()
                .withPropertyNameOverrideResolver(
                        field -> field.getAnnotationConsideringFieldAndGetter(JsonProperty.class) == null
                                ? FieldErrorDetail.snakeCase(field.getDeclaredName())
                                : null);
        this.generator = new SchemaGenerator(config.build());
    }

    JsonNode schemaOf(Class<?> type) {
        return generator.generateSchema(type);
    }
}
