package com.agentfactory.support.returns;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What arrived of a return: for each product named, how many units; a product of the return left out arrived in
 * full. Absent or empty when everything arrived.
 */
public record ReturnReceipt(@Size(max = 1000) List<@Valid @NotNull Item> items) {

    public static final ReturnReceipt EVERYTHING = new ReturnReceipt(List.of());

    public ReturnReceipt {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The units of one product of the return that arrived, from none to as many as were authorised. */
    public record Item(
            @NotBlank @Size(max = 64) String sku,
            @PositiveOrZero @Max(100_000) int quantity) {}
}
