package com.agentfactory.inventory.stock;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/reservations")
class ReservationController {

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    /** 201 with the reservation; 409 when not enough is available, 404 for a SKU without stock. */
    @ApiResponse(responseCode = "201", description = "Reserved")
    @ApiResponse(responseCode = "409", description = "Not enough stock available at that location")
    @ApiResponse(responseCode = "422", description = "Well-formed but not acceptable: the fields at fault are named")
    @PostMapping
    ResponseEntity<ReservationResponse> reserve(@Valid @RequestBody CreateReservationRequest request) {
        ReservationResponse reservation = reservations.reserve(request);
        return ResponseEntity.created(URI.create("/api/v1/inventory/reservations/" + reservation.id()))
                .body(reservation);
    }

    @GetMapping("/{id}")
    ReservationResponse find(@PathVariable UUID id) {
        return reservations.find(id);
    }

    /** Gives the units back; 409 when the reservation was already released, expired or taken by its order. */
    @ApiResponse(responseCode = "200", description = "Released")
    @ApiResponse(responseCode = "409", description = "The reservation is no longer open")
    @PostMapping("/{id}/release")
    ReservationResponse release(@PathVariable UUID id) {
        return reservations.release(id);
    }
}
