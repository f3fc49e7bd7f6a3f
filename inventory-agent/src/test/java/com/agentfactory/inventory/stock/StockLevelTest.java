package com.agentfactory.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockLevelTest {

    private static final Instant NOW = Instant.parse("2011-07-01T10:00:00Z");

    @Test
    void shipsNoMoreThanIsOnHand() {
        var row = new StockLevel("85123A", "main", 5, NOW);

        int taken = row.ship(8, NOW);

        assertThat(taken).isEqualTo(5);
        assertThat(row.onHand()).isZero();
        assertThat(row.available()).isZero();
    }

    @Test
    void shipsNothingFromAnEmptyShelf() {
        var row = new StockLevel("85123A", "main", 0, NOW);

        assertThat(row.ship(3, NOW)).isZero();
        assertThat(row.onHand()).isZero();
    }

    @Test
    void unitsGivenBackSettleBackordersFirst() {
        var row = new StockLevel("85123A", "main", 0, NOW);
        row.backorder(2, NOW);

        row.giveBack(5, NOW);

        assertThat(row.backordered()).isZero();
        assertThat(row.onHand()).isEqualTo(3);
    }

    @Test
    void unitsGivenBackWhileMoreIsOwedOnlyReduceTheDebt() {
        var row = new StockLevel("85123A", "main", 0, NOW);
        row.backorder(4, NOW);

        row.giveBack(3, NOW);

        assertThat(row.backordered()).isEqualTo(1);
        assertThat(row.onHand()).isZero();
    }
}
