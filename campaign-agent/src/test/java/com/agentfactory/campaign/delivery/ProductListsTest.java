package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.recommendation.RecommendationClient;
import com.agentfactory.messaging.recommendation.RecommendedProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductListsTest {

    private static final String PRODUCT_URL = "https://shop.example/shop/products/{product_id}";
    private static final String BLOCK =
            "<ul>{{#products}}<li><a href=\"{{url}}\">{{name}}</a> {{price}}</li>{{/products}}</ul>"
                    + "{{^products}}<p>See what is new in the shop.</p>{{/products}}"
                    + "{{#products_unavailable}}<!-- no list -->{{/products_unavailable}}";

    @Test
    void rendersEveryProductWithItsNameEscapedItsPriceAndItsPage() {
        UUID lens = UUID.randomUUID();
        UUID cap = UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(
                ProductLists.PRODUCTS,
                ProductLists.asVariables(
                        List.of(
                                new RecommendedProduct(
                                        lens, "Lens <50mm> & \"hood\"", new BigDecimal("199"), "GBP", "photo"),
                                new RecommendedProduct(
                                        cap, "<script>alert(1)</script>", new BigDecimal("4.5"), "EUR", "x")),
                        PRODUCT_URL));
        variables.put(ProductLists.UNAVAILABLE, false);

        String html = TemplateRenderer.html(BLOCK, variables);

        assertThat(html)
                .isEqualTo("<ul>"
                        + "<li><a href=\"https://shop.example/shop/products/" + lens + "\">"
                        + "Lens &lt;50mm&gt; &amp; &quot;hood&quot;</a> 199.00 GBP</li>"
                        + "<li><a href=\"https://shop.example/shop/products/" + cap + "\">"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;</a> 4.50 EUR</li>"
                        + "</ul>");
    }

    @Test
    void rendersTheGenericLineWhenThereAreNoProducts() {
        Map<String, Object> unavailable = Map.of(ProductLists.PRODUCTS, List.of(), ProductLists.UNAVAILABLE, true);
        Map<String, Object> none = Map.of(ProductLists.PRODUCTS, List.of(), ProductLists.UNAVAILABLE, false);

        assertThat(TemplateRenderer.html(BLOCK, unavailable))
                .isEqualTo("<ul></ul><p>See what is new in the shop.</p><!-- no list -->");
        assertThat(TemplateRenderer.html(BLOCK, none)).isEqualTo("<ul></ul><p>See what is new in the shop.</p>");
    }

    @Test
    void showsPricesWithTheDecimalsOfTheirCurrency() {
        assertThat(ProductLists.price(new BigDecimal("19.9"), "GBP")).isEqualTo("19.90 GBP");
        assertThat(ProductLists.price(new BigDecimal("1500"), "JPY")).isEqualTo("1500 JPY");
        assertThat(ProductLists.price(new BigDecimal("2.5"), "XYZ")).isEqualTo("2.50 XYZ");
        assertThat(ProductLists.price(new BigDecimal("2.5"), null)).isEqualTo("2.50");
        assertThat(ProductLists.price(null, "GBP")).isEmpty();
    }

    @Test
    void asksForProductsOnlyForATemplateWithAProductsSection() {
        assertThat(ProductLists.shows("{{#products}}{{name}}{{/products}}")).isTrue();
        assertThat(ProductLists.shows("{{^ products }}Nothing for you{{/ products }}"))
                .isTrue();
        assertThat(ProductLists.shows("{{products}}")).as("a plain variable").isFalse();
        assertThat(ProductLists.shows("{{#products_unavailable}}x{{/products_unavailable}}"))
                .isFalse();
        assertThat(ProductLists.shows("<p>Hello {{name}}</p>")).isFalse();
        assertThat(ProductLists.shows((String) null)).isFalse();
    }

    @Test
    void leavesTheVariablesAloneWithoutAskingWhenTheTemplateShowsNoProductsOrTheSendBringsItsOwn() {
        // the client fails the test if it is asked at all
        ProductLists lists = new ProductLists(agentNotToBeAsked(), properties());
        Map<String, Object> plain = new HashMap<>(Map.of("name", "Ada"));
        List<Map<String, String>> own = List.of(Map.of("name", "Chosen by the journey"));
        Map<String, Object> brought = new HashMap<>(Map.of(ProductLists.PRODUCTS, own));

        assertThat(lists.addTo(plain, template("<p>Hello {{name}}</p>"), UUID.randomUUID()))
                .isEqualTo(ProductLists.Outcome.NOT_SHOWN);
        assertThat(lists.addTo(brought, template(BLOCK), UUID.randomUUID())).isEqualTo(ProductLists.Outcome.NOT_SHOWN);

        assertThat(plain).containsOnlyKeys("name");
        assertThat(brought).containsExactly(Map.entry(ProductLists.PRODUCTS, own));
    }

    @Test
    void previewsForNobodyWithAnEmptyListThatIsNotUnavailable() {
        ProductLists lists = new ProductLists(agentNotToBeAsked(), properties());
        Map<String, Object> variables = new HashMap<>();

        assertThat(lists.addTo(variables, template(BLOCK), null)).isEqualTo(ProductLists.Outcome.NOT_SHOWN);

        assertThat(variables).containsEntry(ProductLists.PRODUCTS, List.of());
        assertThat(variables).containsEntry(ProductLists.UNAVAILABLE, false);
    }

    private static MessageTemplate template(String body) {
        return new MessageTemplate("email", "t", "Subject", body, "test", Instant.now(), 0);
    }

    private static RecommendationProperties properties() {
        return new RecommendationProperties(
                "http://127.0.0.1:9",
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                4,
                PRODUCT_URL);
    }

    private static RecommendationClient agentNotToBeAsked() {
        return new RecommendationClient(properties().clientSettings(), (request, body, execution) -> {
            throw new AssertionError("the recommendation agent was asked");
        });
    }
}
