package com.agentfactory.inventory.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockLevelStateTest {

    @Test
    void placesAvailableStockAgainstTheReorderPoint() {
        assertThat(StockLevelState.of(10, 10)).isEqualTo(StockLevelState.NORMAL);
        assertThat(StockLevelState.of(9, 10)).isEqualTo(StockLevelState.LOW_STOCK);
        assertThat(StockLevelState.of(0, 10)).isEqualTo(StockLevelState.OUT_OF_STOCK);
        assertThat(StockLevelState.of(0, 0)).isEqualTo(StockLevelState.OUT_OF_STOCK);
        assertThat(StockLevelState.of(1, 0)).isEqualTo(StockLevelState.NORMAL);
    }

    @Test
    void onlyAMoveToAWorseLevelRaisesAnAlert() {
        assertThat(StockLevelState.LOW_STOCK.alertFrom(StockLevelState.NORMAL)).contains(StockAlertType.LOW_STOCK);
        assertThat(StockLevelState.OUT_OF_STOCK.alertFrom(StockLevelState.NORMAL))
                .contains(StockAlertType.OUT_OF_STOCK);
        assertThat(StockLevelState.OUT_OF_STOCK.alertFrom(StockLevelState.LOW_STOCK))
                .contains(StockAlertType.OUT_OF_STOCK);
        assertThat(StockLevelState.LOW_STOCK.alertFrom(StockLevelState.OUT_OF_STOCK))
                .isEmpty();
        assertThat(StockLevelState.LOW_STOCK.alertFrom(StockLevelState.LOW_STOCK))
                .isEmpty();
        assertThat(StockLevelState.NORMAL.alertFrom(StockLevelState.LOW_STOCK)).isEmpty();
    }
}
