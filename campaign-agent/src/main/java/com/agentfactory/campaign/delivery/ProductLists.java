package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.money.MinorUnits;
import com.agentfactory.messaging.recommendation.RecommendationClient;
import com.agentfactory.messaging.recommendation.RecommendationsUnavailableException;
import com.agentfactory.messaging.recommendation.RecommendedProduct;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The products a message shows. A template with a {@code {{#products}}} or {@code {{^products}}} section gets the
 * customer's recommended products as {@code products}, each with {@code name}, {@code price} (with its currency),
 * {@code url}, {@code product_id} and {@code category}, asked for when the message is rendered so they are the
 * customer's current ones. When the recommendation agent cannot give them within its timeout the message is not
 * held back: it goes out with no products and {@code products_unavailable} true, for the template's generic line.
 * Products the send's own variables already name are left as they are.
 */
@Component
class ProductLists {

    static final String PRODUCTS = "products";
    static final String UNAVAILABLE = "products_unavailable";

    private static final Logger log = LoggerFactory.getLogger(ProductLists.class);
    // a cheap look at the text, so that messages without products never wait for the recommendation agent
    private static final Pattern SECTION = Pattern.compile("\\{\\{\\s*[#^]\\s*products\\s*}}");

    /** What a message's products came to. */
    enum Outcome {
        /** The template shows no products, or the variables brought their own. */
        NOT_SHOWN,
        RECOMMENDED,
        /** The recommendation agent could not be asked: the message shows the fallback. */
        FALLBACK
    }

    private final RecommendationClient recommendations;
    private final RecommendationProperties properties;

    ProductLists(RecommendationClient recommendations, RecommendationProperties properties) {
        this.recommendations = recommendations;
        this.properties = properties;
    }

    /**
     * Puts the customer's products into the variables when the template shows them. Without a customer (a
     * preview for nobody) the list is empty and not unavailable: there is nobody to recommend to.
     */
    Outcome addTo(Map<String, Object> variables, MessageTemplate template, UUID customerId) {
        if (!shows(template) || variables.containsKey(PRODUCTS)) {
            return Outcome.NOT_SHOWN;
        }
        if (customerId == null) {
            variables.put(PRODUCTS, List.of());
            variables.put(UNAVAILABLE, false);
            return Outcome.NOT_SHOWN;
        }
        try {
            List<RecommendedProduct> products =
                    recommendations.forCustomer(customerId, properties.productsPerMessage());
            variables.put(PRODUCTS, asVariables(products, properties.productUrl()));
            variables.put(UNAVAILABLE, false);
            return Outcome.RECOMMENDED;
        } catch (RecommendationsUnavailableException e) {
            // while the agent is down every send ends here: the fallback counter tells, the log only on debug
            log.debug("Products for customer {} unavailable: {}", customerId, e.getMessage());
            variables.put(PRODUCTS, List.of());
            variables.put(UNAVAILABLE, true);
            return Outcome.FALLBACK;
        }
    }

    static boolean shows(MessageTemplate template) {
        return shows(template.body()) || shows(template.subject());
    }

    static boolean shows(String text) {
        return text != null
                && text.contains("products")
                && SECTION.matcher(text).find();
    }

    /** The products as Mustache sees them; every value is a string, escaped like any other when rendered. */
    static List<Map<String, Object>> asVariables(List<RecommendedProduct> products, String productUrl) {
        return products.stream()
                .map(product -> asVariables(product, productUrl))
                .toList();
    }

    private static Map<String, Object> asVariables(RecommendedProduct product, String productUrl) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String id = String.valueOf(product.productId());
        fields.put("product_id", id);
        fields.put("name", product.name() == null ? "" : product.name());
        fields.put("price", price(product.price(), product.currency()));
        fields.put("category", product.category() == null ? "" : product.category());
        fields.put("url", productUrl.replace("{product_id}", id));
        return fields;
    }

    /** The amount with as many decimals as its currency has (two when it is not known), then the currency code. */
    static String price(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String shown =
                amount.setScale(MinorUnits.of(currency), RoundingMode.HALF_EVEN).toPlainString();
        return currency == null || currency.isBlank() ? shown : shown + " " + currency;
    }
}
