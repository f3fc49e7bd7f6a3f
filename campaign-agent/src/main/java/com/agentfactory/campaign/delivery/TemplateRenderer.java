package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.InvalidInputException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.Map;

/**
 * Fills templates with a send's variables. E-mail bodies are HTML, so every value is HTML-escaped there; a
 * variable the send does not have renders empty rather than failing the send.
 */
final class TemplateRenderer {

    private static final Mustache.Compiler HTML =
            Mustache.compiler().escapeHTML(true).defaultValue("");
    private static final Mustache.Compiler TEXT =
            Mustache.compiler().escapeHTML(false).defaultValue("");

    private TemplateRenderer() {}

    static String html(String template, Map<String, Object> variables) {
        return HTML.compile(template).execute(variables);
    }

    static String text(String template, Map<String, Object> variables) {
        return TEXT.compile(template).execute(variables);
    }

    /** Refuses a template that does not compile, when it is saved rather than when it is sent. */
    static void check(String template, String field) {
        try {
            Template compiled = HTML.compile(template);
            compiled.execute(Map.of());
        } catch (MustacheException e) {
            throw InvalidInputException.of(field, "not a valid Mustache template: " + e.getMessage());
        }
    }
}
