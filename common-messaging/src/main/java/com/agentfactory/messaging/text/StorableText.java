package com.agentfactory.messaging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL's text and jsonb types cannot hold U+0000, so a NUL that got past the API would fail the write later, as
 * a 500 or a failed batch that takes valid neighbours down with it. Input is checked where it is read instead: typed
 * string fields by {@link #module()}, free-form JSON (task inputs, metadata) by {@link #nulPaths(JsonNode)}.
 */
public final class StorableText {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private StorableText() {}

    public static boolean containsNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** A Jackson module whose string deserializer refuses NUL, reported with the field's JSON path. */
    public static JacksonModule module() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new NulRefusingStringDeserializer());
    }

    /** The JSON paths ({@code notes}, {@code lines[2].sku}) of every name or text value in the tree holding a NUL. */
    public static List<String> nulPaths(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            if (containsNul(node.asString())) {
                paths.add(path);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (containsNul(field.getKey())) {
                    paths.add(child.replace("\0", "\\u0000"));
                } else {
                    collect(field.getValue(), child, paths);
                }
            }
        }
    }

    private static final class NulRefusingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (containsNul(value)) {
                return (String) ctxt.reportInputMismatch(this, NUL_MESSAGE);
            }
            return value;
        }
    }
}
