package com.agentfactory.inventory.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The inventory agent on a random port, on the JVM's shared PostgreSQL and Kafka. Configured like the agent
 * contract test, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class InventoryIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    private CommerceEventPublisher commerce;

    @BeforeEach
    void connect() {
        api = new Api(port);
        commerce = new CommerceEventPublisher(kafka, codec);
    }

    protected void publish(CommerceEvent event) {
        commerce.publish(event);
    }

    /**
     * Today's UTC date, for a test that writes days relative to it and asserts on what the agent derives from its own
     * today. With less than two minutes of the day left it first waits for the next day, so that the test and the
     * agent do not read two dates.
     */
    protected static LocalDate today() {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> LocalTime.now(ZoneOffset.UTC).isBefore(LocalTime.of(23, 58)));
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Stocks a new SKU through the product feed and waits until its stock can be read. */
    protected String stocked(int onHand) {
        String sku = CommerceEventMother.freshSku();
        publish(CommerceEventMother.product(sku, onHand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.get("/api/v1/inventory/stock/" + sku).status())
                .isEqualTo(200));
        return sku;
    }

    /**
     * Cart additions of the SKU's product: {@code usualPerDay} units a day over the 28 days before the last day (the
     * usual level), then {@code recent} units an hour ago.
     */
    protected void cartHistory(String sku, int usualPerDay, int recent) {
        Instant now = Instant.now();
        for (int day = 0; day < 28; day++) {
            publish(CommerceEventMother.addedToCart(
                    sku, usualPerDay, now.minus(Duration.ofHours(25)).minus(Duration.ofDays(day))));
        }
        publish(CommerceEventMother.addedToCart(sku, recent, now.minus(Duration.ofHours(1))));
    }

    protected Api.Response stockOf(String sku) {
        return api.get("/api/v1/inventory/stock/" + sku);
    }

    protected int available(String sku) {
        return stockOf(sku).body().path("available").asInt();
    }

    /** The same units sold at the default warehouse on each of the given number of days before today. */
    protected void soldDaily(String sku, int days, int units) {
        LocalDate today = today();
        for (int i = 1; i <= days; i++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                    sku,
                    today.minusDays(i),
                    units);
        }
    }

    /** A person's forecast override of the SKU's daily demand from today until the given day. */
    protected Api.Response overrideFor(
            RoleApi planner, String sku, int dailyUnits, LocalDate validUntil, String reason) {
        return planner.post(
                "/api/v1/inventory/forecast-overrides",
                Map.of("sku", sku, "daily_units", dailyUnits, "valid_until", validUntil.toString(), "reason", reason));
    }

    /** A supplier of the SKU with a 7-day lead time, no minimum order and packs of one, at 1.00 GBP a unit. */
    protected void weeklySupplier(RoleApi planner, String sku) {
        Api.Response created = planner.post(
                "/api/v1/inventory/suppliers",
                Map.of(
                        "name",
                        "Supplier of " + sku,
                        "lead_time_days",
                        7,
                        "minimum_order",
                        1,
                        "pack_size",
                        1,
                        "unit_cost",
                        new BigDecimal("1.00"),
                        "currency",
                        "GBP",
                        "skus",
                        List.of(sku)));
        assertThat(created.status()).isEqualTo(201);
    }

    /** The ids of the orders suggested for the SKU; asking recomputes its reorder plans first. */
    protected List<String> suggestionsFor(RoleApi planner, String sku) {
        Api.Response response =
                planner.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)));
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().path("suggestions").forEach(s -> ids.add(s.path("id").asString()));
        return ids;
    }

    /** The reorder point of the SKU's plan and where its demand came from (a SKU kept at one warehouse). */
    protected Map<String, Object> planOf(String sku) {
        return jdbc.queryForMap("SELECT reorder_point, demand_source FROM replenishment_plans WHERE sku = ?", sku);
    }

    /** Units held for some customer's checkout. */
    protected Api.Response reserve(String sku, int quantity) {
        return reserveFor(UUID.randomUUID(), sku, quantity);
    }

    /** Units held for the customer's checkout. */
    protected Api.Response reserveFor(UUID customer, String sku, int quantity) {
        return api.post(
                "/api/v1/inventory/reservations",
                Map.of("sku", sku, "quantity", quantity, "customer_id", customer.toString()));
    }
}
