package com.agentfactory.inventory.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One product's views and units put in carts within one hour. */
@Entity
@Table(name = "demand_signals")
class HourlySignals {

    @EmbeddedId
    private Key key;

    private int views;
    private int cartUnits;

    protected HourlySignals() {}

    int views() {
        return views;
    }

    int cartUnits() {
        return cartUnits;
    }

    @Embeddable
    static class Key implements Serializable {

        private UUID productId;

        @Column(name = "hour")
        private Instant hour;

        protected Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(productId, key.productId)
                    && Objects.equals(hour, key.hour);
        }

        @Override
        public int hashCode() {
            return Objects.hash(productId, hour);
        }
    }
}
