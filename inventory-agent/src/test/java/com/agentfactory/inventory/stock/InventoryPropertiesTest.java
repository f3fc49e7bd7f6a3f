package com.agentfactory.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryPropertiesTest {

    @Test
    void theFirstWarehouseIsTheDefault() {
        var properties = new InventoryProperties(List.of("leeds", "bristol"), Duration.ofMinutes(15), 10, null, null);

        assertThat(properties.defaultLocation()).isEqualTo("leeds");
    }

    @Test
    void aSkusOwnReorderPointOverridesTheDefault() {
        var properties =
                new InventoryProperties(List.of("main"), Duration.ofMinutes(15), 10, Map.of("85123A", 40), null);

        assertThat(properties.reorderPointOf("85123A")).isEqualTo(40);
        assertThat(properties.reorderPointOf("22423")).isEqualTo(10);
    }

    @Test
    void refusesAReservationTimeThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InventoryProperties(List.of("main"), Duration.ZERO, 10, null, null))
                .withMessageContaining("reservation-ttl");
    }
}
