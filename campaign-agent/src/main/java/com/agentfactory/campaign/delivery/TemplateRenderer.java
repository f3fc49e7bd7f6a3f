package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.InvalidInputException;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills templates with a send's variables. E-mail bodies are HTML, so every value is HTML-escaped there; a
 * variable the send does not have renders empty rather than failing the send. A template stands alone: partials
 * ({@code {{> footer}}}) and parents ({@code {{< layout}}}) are refused when it is saved or previewed, since templates
 * are stored one by one and there is nothing to load them from.
 */
final class TemplateRenderer {

    // without a loader jmustache throws UnsupportedOperationException for a partial, which nothing here expects; a
    // template stored before partials were refused then fails its send as any unrenderable template does
    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("a template cannot include another ('" + name + "')");
    };
    private static final Mustache.Compiler HTML =
            Mustache.compiler().escapeHTML(true).defaultValue("").withLoader(NO_PARTIALS);
    private static final Mustache.Compiler TEXT =
            Mustache.compiler().escapeHTML(false).defaultValue("").withLoader(NO_PARTIALS);

    private TemplateRenderer() {}

    static String html(String template, Map<String, Object> variables) {
        return HTML.compile(template).execute(variables);
    }

    static String text(String template, Map<String, Object> variables) {
        return TEXT.compile(template).execute(variables);
    }

    /** Refuses a template that does not compile or includes another, when it is saved rather than when it is sent. */
    static void check(String template, String field) {
        try {
            Template compiled = HTML.compile(template);
            // executing with no variables skips every section, and a partial inside one with it, so look for them
            List<String> included = includes(compiled);
            if (!included.isEmpty()) {
                throw InvalidInputException.of(
                        field,
                        "includes another template (" + String.join(", ", included)
                                + "): partials and parents are not supported, write the text into the template");
            }
            compiled.execute(Map.of());
        } catch (MustacheException e) {
            throw InvalidInputException.of(field, "not a valid Mustache template: " + e.getMessage());
        }
    }

    private static List<String> includes(Template template) {
        List<String> found = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {}

            @Override
            public boolean visitInclude(String name) {
                found.add("{{> " + name + "}}");
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                found.add("{{< " + name + "}}");
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                return true;
            }

            @Override
            public boolean visitSection(String name) {
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }
        });
        return found;
    }
}
