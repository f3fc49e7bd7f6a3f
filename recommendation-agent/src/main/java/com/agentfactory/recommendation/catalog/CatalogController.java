package com.agentfactory.recommendation.catalog;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.recommendation.access.CallerAccess;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
class CatalogController {

    static final int MAX_LIMIT = 100;

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    PageResponse<ProductSummaryResponse> list(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String search,
            @RequestParam(name = "min_price", required = false) BigDecimal minPrice,
            @RequestParam(name = "max_price", required = false) BigDecimal maxPrice,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int limit) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        ProductSort order = ProductSort.parse(sort).orElse(null);
        if (order == null) {
            errors.add(new FieldErrorDetail("sort", "must be one of price_asc, price_desc, rating, newest"));
        }
        if (page < 1) {
            errors.add(new FieldErrorDetail("page", "must be at least 1"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldErrorDetail("limit", "must be between 1 and " + MAX_LIMIT));
        }
        checkPrice("min_price", minPrice, errors);
        checkPrice("max_price", maxPrice, errors);
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldErrorDetail("max_price", "must not be below min_price"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The query has invalid parameters.", errors);
        }
        return catalog.search(
                new ProductQuery(blankToNull(category), blankToNull(search), minPrice, maxPrice, order, page, limit));
    }

    @GetMapping("/{productId}")
    ProductDetailResponse details(@PathVariable UUID productId) {
        return catalog.details(productId);
    }

    @PutMapping("/{productId}/margin")
    ProductMarginResponse updateMargin(
            @PathVariable UUID productId, @Valid @RequestBody UpdateMarginRequest request, Caller caller) {
        CallerAccess.requireMerchandiser(caller);
        return catalog.updateMargin(productId, request.margin());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Prices are stored as NUMERIC(16,4): a bound beyond that is a typo, and PostgreSQL could not even compare it. */
    private static void checkPrice(String field, BigDecimal price, List<FieldErrorDetail> errors) {
        if (price == null) {
            return;
        }
        BigDecimal digits = price.stripTrailingZeros();
        if (price.signum() < 0) {
            errors.add(new FieldErrorDetail(field, "must not be negative"));
        } else if (digits.scale() > 4 || digits.precision() - digits.scale() > 12) {
            errors.add(new FieldErrorDetail(field, "must have at most 12 digits before the decimal point and 4 after"));
        }
    }
}
