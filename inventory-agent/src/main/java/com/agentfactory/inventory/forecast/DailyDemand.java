package com.agentfactory.inventory.forecast;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

@Entity
@Table(name = "daily_demand")
class DailyDemand {

    @EmbeddedId
    private Key key;

    private int units;

    protected DailyDemand() {}

    String sku() {
        return key.sku;
    }

    LocalDate day() {
        return key.day;
    }

    int units() {
        return units;
    }

    @Embeddable
    static class Key implements Serializable {

        private String sku;
        private String location;

        @Column(name = "day")
        private LocalDate day;

        protected Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(sku, key.sku)
                    && Objects.equals(location, key.location)
                    && Objects.equals(day, key.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, location, day);
        }
    }
}
