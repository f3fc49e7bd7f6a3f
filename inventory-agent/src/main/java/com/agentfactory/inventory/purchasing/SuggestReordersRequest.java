package com.agentfactory.inventory.purchasing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The SKUs to plan; every stocked SKU when absent or empty. */
record SuggestReordersRequest(@Size(max = 1000) List<@NotBlank @Size(max = 64) String> skus) {

    SuggestReordersRequest {
        skus = skus == null ? List.of() : List.copyOf(skus);
    }
}
