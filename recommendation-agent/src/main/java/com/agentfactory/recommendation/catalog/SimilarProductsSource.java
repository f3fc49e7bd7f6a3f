package com.agentfactory.recommendation.catalog;

import java.util.List;
import java.util.UUID;

/** Whatever ranks similar products for the product page; the catalog does not depend on how. */
public interface SimilarProductsSource {

    List<Product> similarTo(UUID productId, int limit);
}
