package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A SKU's daily forecast from one model version, all warehouses together; day i is {@code firstDay + i}. */
@Entity
@Table(name = "sku_forecasts")
class StoredSkuForecast extends AssignedIdEntity {

    private UUID modelId;
    private String sku;
    private LocalDate firstDay;
    private double[] expected;

    @Column(name = "lower_80")
    private double[] lower80;

    @Column(name = "upper_80")
    private double[] upper80;

    @Column(name = "lower_95")
    private double[] lower95;

    @Column(name = "upper_95")
    private double[] upper95;

    protected StoredSkuForecast() {}

    StoredSkuForecast(UUID modelId, LocalDate firstDay, DailyEnsemble.SkuForecast forecast) {
        super(UUID.randomUUID());
        this.modelId = modelId;
        this.sku = forecast.sku();
        this.firstDay = firstDay;
        this.expected = forecast.expected();
        this.lower80 = forecast.lower80();
        this.upper80 = forecast.upper80();
        this.lower95 = forecast.lower95();
        this.upper95 = forecast.upper95();
    }

    String sku() {
        return sku;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    double[] expected() {
        return expected;
    }

    double[] upper95() {
        return upper95;
    }
}
