package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.money.MoneyConditions;
import com.agentfactory.messaging.error.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads journey definitions from JSON or YAML (optionally wrapped in a {@code journey:} key, as the
 * specification writes them), validates them, and writes the canonical JSON they are stored as.
 */
final class JourneyDefinitions {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JourneyDefinitions() {}

    /**
     * Parses and validates; a malformed or invalid definition fails with errors that point at the step: 400 when it
     * cannot be read or an amount of money in it has no currency (or one that is no ISO 4217 code), 422 when it reads
     * but does not hold together.
     */
    static CompiledJourney parse(String text, boolean yaml) {
        JourneyDefinition definition = read(text, yaml);
        JourneyValidator.Validation validation = JourneyValidator.validate(definition);
        if (!validation.errors().isEmpty()) {
            throw MoneyConditions.refusal(
                    "The journey definition is not valid.", validation.errors(), validation.malformedMoney());
        }
        return CompiledJourney.of(definition);
    }

    /** A stored definition, which passed validation when it was saved. */
    static CompiledJourney fromStored(String json) {
        return CompiledJourney.of(JSON.readValue(json, JourneyDefinition.class));
    }

    static String toJson(JourneyDefinition definition) {
        return JSON.writeValueAsString(definition);
    }

    private static JourneyDefinition read(String text, boolean yaml) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("definition", "the request body must hold a journey definition");
        }
        ObjectMapper mapper = yaml ? YAML : JSON;
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || !root.isObject()) {
                throw InvalidInputException.of("definition", "must be an object with name, trigger and steps");
            }
            if (root.size() == 1 && root.has("journey")) {
                root = root.get("journey");
            }
            return mapper.treeToValue(root, JourneyDefinition.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of(path(e), readable(e));
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "definition" : path.toString();
    }

    private static String readable(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        int detail = message.indexOf(" (class ");
        String shortened = detail > 0 ? message.substring(0, detail) : message;
        // the parser's source-location note quotes its own feature names, and types are quoted as Java names
        int location = shortened.indexOf(" (start marker at");
        if (location < 0) {
            location = shortened.indexOf(" at [Source");
        }
        if (location > 0) {
            shortened = shortened.substring(0, location);
        }
        shortened = shortened.replaceAll("`[^`]*`", "the expected type");
        return shortened.length() > 300 ? shortened.substring(0, 300) : shortened;
    }
}
