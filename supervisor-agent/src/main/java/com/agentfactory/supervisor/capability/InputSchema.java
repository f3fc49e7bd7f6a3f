package com.agentfactory.supervisor.capability;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A task type's input schema, compiled once when it is announced, answering which fields of an input are at fault. */
final class InputSchema {

    // announced schemas say $schema 2020-12; one without it is read as 2020-12 too. In 2020-12 "format" only
    // annotates unless assertions are switched on, and the agents' records rely on it (uuid, email, date-time)
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Schema schema;

    private InputSchema(Schema schema) {
        this.schema = schema;
    }

    static InputSchema compile(JsonNode schema) {
        Schema compiled = SCHEMAS.getSchema(schema);
        // resolves $refs and builds every keyword's validator now rather than on the first task
        compiled.initializeValidators();
        return new InputSchema(compiled);
    }

    /** The fields at fault, named as JSON paths from the input's root ({@code user_id}, {@code lines[0].sku}). */
    List<FieldErrorDetail> violations(JsonNode input) {
        List<Error> errors = schema.validate(input);
        if (errors.isEmpty()) {
            return List.of();
        }
        return errors.stream()
                .map(error -> new FieldErrorDetail(fieldOf(error), messageOf(error)))
                .distinct()
                .sorted(Comparator.comparing(FieldErrorDetail::field))
                .toList();
    }

    private static String fieldOf(Error error) {
        StringBuilder field = new StringBuilder();
        NodePath path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                appendName(field, String.valueOf(element));
            }
        }
        // a missing property is reported on the object that lacks it; name the property itself
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            appendName(field, error.getProperty());
        }
        return field.toString();
    }

    private static void appendName(StringBuilder field, String name) {
        if (!field.isEmpty()) {
            field.append('.');
        }
        field.append(name);
    }

    private static String messageOf(Error error) {
        String message = error.getMessage();
        return message == null ? error.getKeyword() : message;
    }
}
