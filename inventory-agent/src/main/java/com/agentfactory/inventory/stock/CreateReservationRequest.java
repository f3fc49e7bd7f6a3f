package com.agentfactory.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Units to hold for a checkout.
 *
 * @param location the warehouse; when absent the default one if it has enough, else any that has
 * @param customerId the customer checking out; that customer's next order of the SKU takes the reservation.
 *     Required: an order names nothing else of its checkout, so a reservation without it (a guest's) would never be
 *     taken by its order, which would go short while the reservation held the units until it expired. A customer
 *     since erased gets one under their checkout's pseudonym, which their order still naming them takes; their id is
 *     not kept on it
 */
record CreateReservationRequest(
        @NotBlank @Size(max = 64) String sku,
        @Size(max = 64) String location,
        @NotNull @Positive @Max(100_000) Integer quantity,

        @NotNull(message = "is required: only the same customer's order takes a reservation")
        UUID customerId) {}
