package com.agentfactory.campaign.delivery;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplatePreviewIT extends CampaignIntegrationTest {

    @Test
    void listsTemplatesOfAChannelInIdOrderWithoutTheirBodies() {
        String family = "list-" + UUID.randomUUID();
        save("sms", family + "-b", null, "Hello {{name}}");
        save("sms", family + "-a", null, "Hi");
        save("email", family + "-c", "Subject", "<p>Hi</p>");

        Response listed = api.get("/api/v1/campaigns/templates?channel=sms&limit=100");

        assertThat(listed.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.body().path("items").forEach(item -> {
            assertThat(item.path("channel").asString()).isEqualTo("sms");
            assertThat(item.has("body")).isFalse();
            if (item.path("template_id").asString().startsWith(family)) {
                ids.add(item.path("template_id").asString());
            }
        });
        assertThat(ids).containsExactly(family + "-a", family + "-b");
        assertThat(api.get("/api/v1/campaigns/templates?limit=100")
                        .body()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void rendersAnEmailForACustomerWithTheVariablesFirstAndEveryValueEscaped() {
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(customer(id, id + "@shop.example", freshCountry(), Instant.now()));
        String template = "preview-" + UUID.randomUUID();
        save("email", template, "{{discount}} off for {{email}}", "<p>{{email}} gets {{discount}}{{missing}}</p>");

        Map<String, Object> request = new HashMap<>();
        request.put("customer_id", id.toString());
        request.put("variables", Map.of("discount", "<b>10%</b>", "email", "override@shop.example"));
        Response preview = api.post("/api/v1/campaigns/templates/email/" + template + "/preview", request);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("/subject")).isEqualTo("<b>10%</b> off for override@shop.example");
        assertThat(preview.text("/body")).isEqualTo("<p>override@shop.example gets &lt;b&gt;10%&lt;/b&gt;</p>");

        Response profileOnly =
                api.post("/api/v1/campaigns/templates/email/" + template + "/preview", Map.of("customer_id", id));
        assertThat(profileOnly.text("/body")).isEqualTo("<p>" + id + "@shop.example gets </p>");
        // nothing was sent
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sends WHERE customer_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void rendersAnSmsAsPlainText() {
        String template = "preview-" + UUID.randomUUID();
        save("sms", template, null, "Code {{code}} & more");

        Response preview = api.post(
                "/api/v1/campaigns/templates/sms/" + template + "/preview", Map.of("variables", Map.of("code", "<X>")));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("/body")).isEqualTo("Code <X> & more");
    }

    @Test
    void refusesAnUnknownTemplateCustomerOrChannel() {
        String template = "preview-" + UUID.randomUUID();
        save("push", template, null, "Hi");

        assertThat(api.post("/api/v1/campaigns/templates/push/no-such-template/preview", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/campaigns/templates/push/" + template + "/preview",
                                Map.of("customer_id", UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        Response badChannel = api.post("/api/v1/campaigns/templates/fax/" + template + "/preview", Map.of());
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.errorFields()).contains("channel");
        assertThat(api.get("/api/v1/campaigns/templates?channel=fax").status()).isEqualTo(400);
    }

    @Test
    void refusesToSaveATemplateThatIncludesAnotherAtTopLevelOrInsideASection() {
        String template = "partial-" + UUID.randomUUID();

        Response topLevel = api.put(
                "/api/v1/campaigns/templates/email/" + template,
                Map.of("subject", "Hello", "body", "<p>Hi</p>{{> footer}}"));
        Response inSection = api.put(
                "/api/v1/campaigns/templates/sms/" + template, Map.of("body", "{{#items}}{{sku}}{{> line}}{{/items}}"));
        Response parentSubject = api.put(
                "/api/v1/campaigns/templates/email/" + template,
                Map.of("subject", "{{< layout}}{{/layout}}", "body", "<p>Hi</p>"));

        assertThat(topLevel.status()).as(String.valueOf(topLevel.body())).isEqualTo(400);
        assertThat(topLevel.errorFields()).containsExactly("body");
        assertThat(inSection.status()).as(String.valueOf(inSection.body())).isEqualTo(400);
        assertThat(inSection.errorFields()).containsExactly("body");
        assertThat(parentSubject.status())
                .as(String.valueOf(parentSubject.body()))
                .isEqualTo(400);
        assertThat(parentSubject.errorFields()).containsExactly("subject");
        assertThat(api.get("/api/v1/campaigns/templates/email/" + template).status())
                .isEqualTo(404);
    }

    @Test
    void refusesToPreviewATemplateStoredWithAPartialBeforeTheyWereRefused() {
        String template = "partial-" + UUID.randomUUID();
        save("push", template, null, "Hi");
        jdbc.update(
                "UPDATE message_templates SET body = ? WHERE channel = 'push' AND template_id = ?",
                "{{#items}}{{> line}}{{/items}}",
                template);

        Response preview = api.post(
                "/api/v1/campaigns/templates/push/" + template + "/preview",
                Map.of("variables", Map.of("items", List.of(Map.of("sku", "A")))));

        assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(400);
        assertThat(preview.errorFields()).containsExactly("body");
    }

    private void save(String channel, String templateId, String subject, String body) {
        Map<String, Object> request = new HashMap<>();
        request.put("body", body);
        if (subject != null) {
            request.put("subject", subject);
        }
        Response saved = api.put("/api/v1/campaigns/templates/" + channel + "/" + templateId, request);
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
    }
}
