package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemandHistoryIT extends InventoryIntegrationTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 3, 1);

    @Test
    void listsEveryDayOfTheWindowWithTheUnitsOfAllWarehousesTogether() {
        String sku = stocked(10);
        recordDemand(sku, "main", FIRST_DAY, 4);
        recordDemand(sku, "east", FIRST_DAY, 3);
        recordDemand(sku, "main", FIRST_DAY.plusDays(2), 5);
        recordDemand(sku, "main", FIRST_DAY.plusDays(3), 100); // the day after the window

        var history =
                api.get("/api/v1/inventory/demand/" + sku + "?from=" + FIRST_DAY + "&until=" + FIRST_DAY.plusDays(3));

        assertThat(history.status()).isEqualTo(200);
        var days = history.body().path("days");
        assertThat(days.size()).isEqualTo(3);
        assertThat(days.get(0).path("date").asString()).isEqualTo(FIRST_DAY.toString());
        assertThat(days.get(0).path("units").asInt()).isEqualTo(7);
        assertThat(days.get(1).path("units").asInt()).isZero();
        assertThat(days.get(2).path("units").asInt()).isEqualTo(5);
        assertThat(history.body().path("total_units").asLong()).isEqualTo(12);

        var east = api.get("/api/v1/inventory/demand/" + sku + "?from=" + FIRST_DAY + "&until=" + FIRST_DAY.plusDays(3)
                + "&location=east");
        assertThat(east.body().path("total_units").asLong()).isEqualTo(3);
        assertThat(east.text("/location")).isEqualTo("east");
    }

    @Test
    void defaultsToTheNinetyDaysUpToTodayWithTodaysOrders() {
        String sku = stocked(10);
        LocalDate today = today();
        recordDemand(sku, "main", today, 2);
        recordDemand(sku, "main", today.minusDays(90), 9); // one day too old

        var history = api.get("/api/v1/inventory/demand/" + sku);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("days").size()).isEqualTo(90);
        assertThat(history.text("/until")).isEqualTo(today.plusDays(1).toString());
        assertThat(history.body().path("total_units").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnEmptyOrTooLongWindowAndAnUnknownSku() {
        String sku = stocked(1);

        var backwards = api.get("/api/v1/inventory/demand/" + sku + "?from=2020-02-01&until=2020-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).contains("from");

        var tooLong = api.get("/api/v1/inventory/demand/" + sku + "?from=2010-01-01&until=2020-01-01");
        assertThat(tooLong.status()).isEqualTo(400);

        var notADate = api.get("/api/v1/inventory/demand/" + sku + "?from=yesterday");
        assertThat(notADate.status()).isEqualTo(400);

        var beyondTheDatabase =
                api.get("/api/v1/inventory/demand/" + sku + "?from=%2B9999999-01-01&until=%2B9999999-01-10");
        assertThat(beyondTheDatabase.status()).isEqualTo(400);
        assertThat(beyondTheDatabase.errorFields()).contains("from");

        var beforeTheRecords = api.get("/api/v1/inventory/demand/" + sku + "?from=-5000-01-01&until=-5000-03-01");
        assertThat(beforeTheRecords.status()).isEqualTo(400);
        assertThat(beforeTheRecords.errorFields()).contains("from");

        assertThat(api.get("/api/v1/inventory/demand/" + CommerceEventMother.freshSku())
                        .status())
                .isEqualTo(404);
    }

    private void recordDemand(String sku, String location, LocalDate day, int units) {
        jdbc.update(
                "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, ?, ?, ?)", sku, location, day, units);
    }
}
