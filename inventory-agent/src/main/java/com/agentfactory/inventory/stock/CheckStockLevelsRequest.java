package com.agentfactory.inventory.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The SKUs to look up; the task's input and the query of {@code GET /api/v1/inventory/stock?skus=}. */
record CheckStockLevelsRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> skus) {}
