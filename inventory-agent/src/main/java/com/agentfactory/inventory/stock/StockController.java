package com.agentfactory.inventory.stock;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/stock")
class StockController {

    private final StockService stock;

    StockController(StockService stock) {
        this.stock = stock;
    }

    @GetMapping("/{sku}")
    StockResponse stockOf(@PathVariable String sku) {
        return stock.stockOf(sku);
    }

    /** {@code ?skus=a,b,c}, up to 100; SKUs without stock are listed under {@code unknown_skus}. */
    @GetMapping
    StockLevelsResponse levels(@Valid CheckStockLevelsRequest request) {
        return stock.levels(request);
    }
}
