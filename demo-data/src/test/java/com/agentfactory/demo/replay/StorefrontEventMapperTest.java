package com.agentfactory.demo.replay;

import static com.agentfactory.demo.replay.RetailCsvFixtures.HEADER;
import static com.agentfactory.demo.replay.RetailCsvFixtures.ISO_FORMAT;
import static com.agentfactory.demo.replay.RetailCsvFixtures.SPREADSHEET_FORMAT;
import static com.agentfactory.demo.replay.RetailCsvFixtures.map;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.demo.replay.StorefrontEvent.CustomerUpserted;
import com.agentfactory.demo.replay.StorefrontEvent.OrderCancelled;
import com.agentfactory.demo.replay.StorefrontEvent.OrderLine;
import com.agentfactory.demo.replay.StorefrontEvent.OrderPlaced;
import com.agentfactory.demo.replay.StorefrontEvent.ProductUpserted;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StorefrontEventMapperTest {

    @Test
    void replayingTheSameFileTwiceProducesIdenticalEvents() {
        assertThat(map(ISO_FORMAT).events()).isEqualTo(map(ISO_FORMAT).events());
    }

    @Test
    void bothFileFormatsProduceIdenticalEvents() {
        assertThat(map(SPREADSHEET_FORMAT).events()).isEqualTo(map(ISO_FORMAT).events());
    }

    @Test
    void idsAreNameBasedUuidsOfTheSourceKeys() {
        List<StorefrontEvent> events = map(ISO_FORMAT).events();

        ProductUpserted heart = (ProductUpserted) events.getFirst();
        assertThat(heart.productId()).isEqualTo(UUID.nameUUIDFromBytes("product:85123A".getBytes(UTF_8)));
        assertThat(heart.eventId()).isEqualTo(UUID.nameUUIDFromBytes("event:product.upserted:85123A".getBytes(UTF_8)));
        CustomerUpserted customer = only(events, CustomerUpserted.class);
        assertThat(customer.customerId()).isEqualTo(UUID.nameUUIDFromBytes("customer:17850".getBytes(UTF_8)));
        OrderPlaced first = only(events, OrderPlaced.class, "536365");
        assertThat(first.orderId()).isEqualTo(UUID.nameUUIDFromBytes("order:536365".getBytes(UTF_8)));
        assertThat(first.eventId()).isEqualTo(UUID.nameUUIDFromBytes("event:order.placed:536365".getBytes(UTF_8)));
        assertThat(first.lines()).extracting(OrderLine::productId).contains(heart.productId());
    }

    @Test
    void eachProductAndCustomerIsUpsertedOnceBeforeTheFirstOrderUsingIt() {
        List<StorefrontEvent> events = map(ISO_FORMAT).events();

        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "ProductUpserted",
                        "ProductUpserted",
                        "CustomerUpserted",
                        "OrderPlaced",
                        "ProductUpserted",
                        "OrderPlaced",
                        "OrderPlaced",
                        "OrderCancelled");
        Set<UUID> known = new HashSet<>();
        for (StorefrontEvent event : events) {
            switch (event) {
                case ProductUpserted p -> known.add(p.productId());
                case CustomerUpserted c -> known.add(c.customerId());
                case OrderPlaced o -> {
                    o.lines().forEach(line -> assertThat(known).contains(line.productId()));
                    if (o.customerId() != null) {
                        assertThat(known).contains(o.customerId());
                    }
                }
                case OrderCancelled c ->
                    c.lines().forEach(line -> assertThat(known).contains(line.productId()));
            }
        }
    }

    @Test
    void cancellationsBecomeOrderCancelledWithPositiveQuantities() {
        OrderCancelled cancelled = only(map(ISO_FORMAT).events(), OrderCancelled.class);

        assertThat(cancelled.cancellationNumber()).isEqualTo("C536379");
        assertThat(cancelled.orderId()).isEqualTo(UUID.nameUUIDFromBytes("order:C536379".getBytes(UTF_8)));
        assertThat(cancelled.originalOrderNumber()).isNull();
        assertThat(cancelled.refunded()).isTrue();
        assertThat(cancelled.reason()).isEqualTo("cancelled in storefront");
        assertThat(cancelled.customerId()).isEqualTo(DeterministicIds.customer("17850"));
        assertThat(cancelled.lines()).singleElement().satisfies(line -> assertThat(line.quantity())
                .isEqualTo(1));
    }

    @Test
    void guestOrdersHaveNoCustomer() {
        OrderPlaced guest = only(map(ISO_FORMAT).events(), OrderPlaced.class, "536367");

        assertThat(guest.customerId()).isNull();
        assertThat(guest.country()).isEqualTo("United Kingdom");
    }

    @Test
    void skippedLinesAreCountedByReason() {
        MappingResult result = map(HEADER + """
                536365,POST,POSTAGE,1,2010-12-01 08:26:00,18.00,12583.0,France
                536365,M,Manual,1,2010-12-01 08:26:00,0.85,12583.0,France
                536365,BANK CHARGES,Bank Charges,1,2010-12-01 08:26:00,15.00,12583.0,France
                536365,22745,POPPY'S PLAYHOUSE BEDROOM,6,2010-12-01 08:26:00,2.10,12583.0,France
                536366,21777,,-10,2010-12-01 08:30:00,0.00,,United Kingdom
                536367,22139,RETROSPOT TEA SET CERAMIC 11 PC,-2,2010-12-01 08:31:00,4.95,,United Kingdom
                536367,22138,BAKING SET 9 PIECE RETROSPOT,3,2010-12-01 08:31:00,4.95,,United Kingdom
                C536368,22138,BAKING SET 9 PIECE RETROSPOT,3,2010-12-01 08:40:00,4.95,,United Kingdom
                """);

        assertThat(result.skippedLines())
                .containsEntry(SkipReason.NON_PRODUCT_CODE, 3L)
                .containsEntry(SkipReason.NON_POSITIVE_PRICE, 1L)
                .containsEntry(SkipReason.NEGATIVE_QUANTITY_IN_ORDER, 1L)
                .containsEntry(SkipReason.NON_NEGATIVE_QUANTITY_IN_CANCELLATION, 1L);
        assertThat(result.skippedLineCount()).isEqualTo(6);
        assertThat(result.invoicesWithoutLines()).isEqualTo(2);
        assertThat(result.events())
                .filteredOn(OrderPlaced.class::isInstance)
                .map(OrderPlaced.class::cast)
                .extracting(OrderPlaced::orderNumber)
                .containsExactly("536365", "536367");
        assertThat(only(result.events(), OrderPlaced.class, "536367").lines())
                .extracting(OrderLine::sku)
                .containsExactly("22138");
    }

    @Test
    void linesOfOneInvoiceAreGroupedEvenWhenNotAdjacent() {
        MappingResult result = map(HEADER + """
                536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536366,22632,HAND WARMER RED POLKA DOT,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
                """);

        List<OrderPlaced> orders = result.events().stream()
                .filter(OrderPlaced.class::isInstance)
                .map(OrderPlaced.class::cast)
                .toList();
        assertThat(orders).extracting(OrderPlaced::orderNumber).containsExactly("536365", "536366");
        assertThat(orders.getLast().lines()).extracting(OrderLine::sku).containsExactly("22633", "22632");
        assertThat(orders.getFirst().occurredAt()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
    }

    @Test
    void productsGetATitleCasedNameACategoryAndTheFirstSeenPrice() {
        ProductUpserted heart = (ProductUpserted) map(ISO_FORMAT).events().getFirst();

        assertThat(heart.sku()).isEqualTo("85123A");
        assertThat(heart.name()).isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(heart.description()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(heart.category()).isEqualTo("lighting");
        assertThat(heart.price().amount()).isEqualByComparingTo("2.55");
        assertThat(heart.price().currency()).isEqualTo("GBP");
        assertThat(heart.stockQuantity())
                .as("at least the units the replay sells")
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void stocksEachProductWithWhatTheReplaySellsAndUpToFourMonthsOfCover() {
        StringBuilder csv = new StringBuilder(HEADER);
        // forty products, each sold 3 units on the 1st and 27 on the 11th (3 a day over 10 days), one refunded
        for (int product = 0; product < 40; product++) {
            String code = String.valueOf(21000 + product);
            csv.append("5%05d,%s,ITEM %d,3,2011-03-01 09:00:00,1.25,17850.0,United Kingdom%n"
                    .formatted(product, code, product));
            csv.append("6%05d,%s,ITEM %d,27,2011-03-11 09:00:00,1.25,17850.0,United Kingdom%n"
                    .formatted(product, code, product));
        }
        csv.append("C600000,21000,ITEM 0,-3,2011-03-11 10:00:00,1.25,17850.0,United Kingdom\n");

        var stock = map(csv.toString()).events().stream()
                .filter(ProductUpserted.class::isInstance)
                .map(ProductUpserted.class::cast)
                .map(ProductUpserted::stockQuantity)
                .toList();

        assertThat(stock).hasSize(40).allSatisfy(units -> assertThat(units).isBetween(30, 30 + 3 * 120));
        assertThat(stock)
                .as("some end the replay nearly out of stock, some overstocked (over 90 days of cover)")
                .anySatisfy(units -> assertThat(units - 30).isLessThan(3 * 14))
                .anySatisfy(units -> assertThat(units - 30).isGreaterThan(3 * 90));
        assertThat(map(csv.toString()).events())
                .as("the same each run")
                .isEqualTo(map(csv.toString()).events());
    }

    @Test
    void aProductWithoutDescriptionIsNamedAfterItsSku() {
        ProductUpserted product =
                (ProductUpserted) map(HEADER + "536365,22139,,1,2010-12-01 08:26:00,4.95,,United Kingdom\n")
                        .events()
                        .getFirst();

        assertThat(product.name()).isEqualTo("22139");
        assertThat(product.description()).isNull();
        assertThat(product.category()).isEqualTo("gifts");
    }

    @Test
    void categoriesComeFromDescriptionKeywords() {
        assertThat(StorefrontEventMapper.category("JUMBO BAG RED RETROSPOT")).isEqualTo("bags");
        assertThat(StorefrontEventMapper.category("PINK CHRISTMAS CANDLE")).isEqualTo("christmas");
        assertThat(StorefrontEventMapper.category("SET OF 6 T-LIGHTS SANTA")).isEqualTo("christmas");
        assertThat(StorefrontEventMapper.category("SCANDINAVIAN PAISLEY PICNIC BAG"))
                .isEqualTo("bags");
        assertThat(StorefrontEventMapper.category("BIRTHDAY CARD, RETRO SPOT")).isEqualTo("cards");
        assertThat(StorefrontEventMapper.category("ROSES REGENCY TEACUP AND SAUCER"))
                .isEqualTo("kitchen");
        assertThat(StorefrontEventMapper.category("CREAM CUPID HEARTS COAT HANGER"))
                .isEqualTo("gifts");
    }

    @Test
    void eventsSerialiseAsSnakeCaseJsonWithExactMoney() {
        JsonMapper json = Events.jsonMapper();
        List<StorefrontEvent> events = map(HEADER
                        + "536365,22139,RETROSPOT TEA SET,2,2010-12-01 08:26:00,5,17850.0,United Kingdom\n")
                .events();

        JsonNode product = json.valueToTree(events.get(0));
        assertThat(product.path("type").asString()).isEqualTo("product.upserted");
        assertThat(product.path("occurred_at").asString()).isEqualTo("2010-12-01T08:26:00Z");
        assertThat(product.path("price").path("amount").decimalValue()).isEqualTo("5.00");
        assertThat(product.path("stock_quantity").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode customer = json.valueToTree(events.get(1));
        assertThat(customer.path("type").asString()).isEqualTo("customer.upserted");
        assertThat(customer.path("customer_number").asString()).isEqualTo("17850");
        assertThat(customer.path("email").isNull()).isTrue();
        assertThat(customer.path("phone").asString()).matches("\\+447700900[0-9]{3}");
        String order = json.writeValueAsString(events.get(2));
        assertThat(order)
                .contains("\"type\":\"order.placed\"")
                .contains("\"order_number\":\"536365\"")
                .contains("\"currency\":\"GBP\"")
                .contains("\"unit_price\":5.00")
                .contains("\"quantity\":2");
    }

    @Test
    void givesEachCustomerTheSameFictionalNumberFromTheRangeKeptForDrama() {
        CustomerUpserted customer = only(map(ISO_FORMAT).events(), CustomerUpserted.class);

        assertThat(customer.phone()).startsWith("+447700900").hasSize(13);
        assertThat(Integer.parseInt(customer.phone().substring(10))).isBetween(0, 999);
        assertThat(only(map(SPREADSHEET_FORMAT).events(), CustomerUpserted.class)
                        .phone())
                .isEqualTo(customer.phone());
        assertThat(DemoPhones.of("17850")).isEqualTo(customer.phone());
    }

    @Test
    void sendsTheProfileWithItsPhoneUnderAnotherEventIdThanTheProfileWithoutOne() {
        CustomerUpserted customer = only(map(ISO_FORMAT).events(), CustomerUpserted.class);

        assertThat(customer.eventId())
                .isNotEqualTo(DeterministicIds.event("customer.upserted", customer.customerNumber()))
                .isEqualTo(
                        only(map(ISO_FORMAT).events(), CustomerUpserted.class).eventId());
    }

    private static <T extends StorefrontEvent> T only(List<StorefrontEvent> events, Class<T> type) {
        List<T> matching =
                events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private static OrderPlaced only(List<StorefrontEvent> events, Class<OrderPlaced> type, String orderNumber) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(o -> o.orderNumber().equals(orderNumber))
                .findFirst()
                .orElseThrow();
    }
}
