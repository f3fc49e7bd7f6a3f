package com.agentfactory.recommendation.catalog;

import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
public class CatalogService {

    static final int DETAIL_RECOMMENDATIONS = 10;

    private final ProductRepository products;
    private final ObjectProvider<SimilarProductsSource> similarProducts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogService(
            ProductRepository products,
            ObjectProvider<SimilarProductsSource> similarProducts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.similarProducts = similarProducts;
        this.events = events;
        this.clock = clock;
    }

    /** Takes in the feed's product, whose stock quantity counts until the inventory agent reports its SKU. */
    public void apply(ProductUpserted event) {
        Upserted upserted = products.upsert(event, clock.instant());
        if (upserted != Upserted.OLDER) {
            events.publishEvent(new StockChanged(event.sku()));
        }
        if (upserted == Upserted.LISTING_CHANGED) {
            events.publishEvent(new ProductListingChanged(event.productId()));
        }
    }

    /**
     * Takes in the inventory agent's level of a SKU at one warehouse; the products of the SKU then count as in stock
     * only while some warehouse has units available. A level older than the one stored is dropped.
     */
    public void applyStockLevel(String sku, String location, int available, Instant occurredAt) {
        if (products.applyStockLevel(sku, location, available, occurredAt)) {
            events.publishEvent(new StockChanged(sku));
        }
    }

    /**
     * Sets a product's unit margin, which the margin boost of the recommendations reads, for products whose feed
     * carries no unit cost.
     */
    ProductMarginResponse updateMargin(UUID productId, BigDecimal margin) {
        Product product = products.find(productId).orElseThrow(() -> new ProductNotFoundException(productId));
        if (margin.compareTo(product.price()) > 0) {
            throw RuleViolationException.of("margin", "must not exceed the price " + product.price());
        }
        products.updateMargin(productId, margin);
        // the margin boost ranks lists by it
        if (product.margin() == null || product.margin().compareTo(margin) != 0) {
            events.publishEvent(new ProductListingChanged(productId));
        }
        return new ProductMarginResponse(productId, product.price(), margin, product.currency());
    }

    PageResponse<ProductSummaryResponse> search(ProductQuery query) {
        List<ProductSummaryResponse> page =
                products.search(query).stream().map(ProductSummaryResponse::of).toList();
        return PageResponse.of(page, products.count(query), query.page(), query.limit());
    }

    ProductDetailResponse details(UUID productId) {
        Product product = products.find(productId).orElseThrow(() -> new ProductNotFoundException(productId));
        List<ProductSummaryResponse> recommendations = similarProducts.stream()
                .findFirst()
                .map(source -> source.similarTo(productId, DETAIL_RECOMMENDATIONS))
                .orElse(List.of())
                .stream()
                .map(ProductSummaryResponse::of)
                .toList();
        return ProductDetailResponse.of(product, recommendations);
    }
}
