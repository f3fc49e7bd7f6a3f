package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.MustacheException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void aSendOfATemplateStoredWithAPartialFailsAsAnUnrenderableTemplateDoes() {
        Map<String, Object> variables = Map.of("items", List.of(Map.of("sku", "A")));

        assertThatThrownBy(() -> TemplateRenderer.html("{{#items}}{{> line}}{{/items}}", variables))
                .isInstanceOf(MustacheException.class);
        assertThatThrownBy(() -> TemplateRenderer.text("{{> footer}}", Map.of()))
                .isInstanceOf(MustacheException.class);
    }
}
