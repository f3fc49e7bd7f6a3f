package com.agentfactory.support.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.order.OrderItem;
import com.agentfactory.support.testdata.RowLocks;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A return request task authorises the return, stores it, serves it over REST and announces it for finance; the desk
 * books the goods' arrival once, which announces the refund.
 */
class ReturnAuthorisationIT extends SupportIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    OrderBook orders;

    @Autowired
    ReturnService returns;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    DataSource dataSource;

    @Autowired
    PersonalDataHolder personalData;

    @Test
    void authorisesTheRequestedItemsWithTheirRefundAndAnnouncesItForFinance() {
        UUID customerId = UUID.randomUUID();
        String orderNumber = placed(customerId);

        var report = new AgentTaskProbe(bootstrapServers)
                .run(
                        "support",
                        "process-return-request",
                        request(orderNumber, "MUG-OAT-01", 1),
                        Duration.ofSeconds(90));

        assertThat(report).isPresent();
        assertThat(report.get().status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        JsonNode output = report.get().output();
        JsonNode authorisation = output.path("return_authorisation");
        String returnId = authorisation.path("return_id").asString();
        assertThat(output.path("reply").asString()).isNotBlank();
        assertThat(authorisation.path("status").asString()).isEqualTo("AUTHORISED");
        assertThat(authorisation.path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(authorisation.path("currency").asString()).isEqualTo("GBP");
        assertThat(authorisation.path("ticket_id").asString())
                .isEqualTo(output.path("ticket_id").asString());
        assertThat(authorisation.path("lines")).hasSize(1);
        assertThat(authorisation.at("/lines/0/sku").asString()).isEqualTo("MUG-OAT-01");
        assertThat(authorisation.at("/lines/0/quantity").asInt()).isEqualTo(1);

        var owner = api.get("/api/v1/support/returns/" + returnId, As.customer(customerId));
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.body().path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(api.get("/api/v1/support/returns/" + returnId, As.customer(UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/support/returns/" + returnId, As.supportAgent("desk-1"))
                        .status())
                .isEqualTo(200);

        JsonNode event = published(returnId, ReturnAuthorised.ACTION);
        assertThat(event.path("order_number").asString()).isEqualTo(orderNumber);
        assertThat(event.path("customer_id").asString()).isEqualTo(customerId.toString());
        assertThat(event.path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(event.path("lines")).hasSize(1);
    }

    @Test
    void theDeskBooksTheGoodsArrivalOnceAndAnnouncesTheRefundForFinance() {
        UUID customerId = UUID.randomUUID();
        String orderNumber = placed(customerId);
        String returnId = new AgentTaskProbe(bootstrapServers)
                .run("support", "process-return-request", request(orderNumber, "MUG-OAT-01", 1), Duration.ofSeconds(90))
                .orElseThrow()
                .output()
                .at("/return_authorisation/return_id")
                .asString();
        String receipt = "/api/v1/support/returns/" + returnId + "/receipt";

        assertThat(api.post(receipt, Map.of(), As.customer(customerId)).status())
                .as("a customer cannot declare their own goods arrived")
                .isEqualTo(403);
        var received = api.post(receipt, Map.of(), As.supportAgent("desk-7"));

        assertThat(received.status()).as(received.body().toString()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("RECEIVED");
        assertThat(received.text("/received_by")).isEqualTo("desk-7");
        assertThat(received.text("/received_at")).isNotBlank();
        assertThat(api.get("/api/v1/support/returns/" + returnId, As.customer(customerId))
                        .text("/status"))
                .isEqualTo("RECEIVED");

        var again = api.post(receipt, Map.of(), As.supportAgent("desk-8"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/detail")).contains("desk-7");
        assertThat(api.post("/api/v1/support/returns/" + UUID.randomUUID() + "/receipt", Map.of(), As.supportAgent("x"))
                        .status())
                .isEqualTo(404);

        JsonNode event = published(returnId, ReturnReceived.ACTION);
        assertThat(event.path("order_number").asString()).isEqualTo(orderNumber);
        assertThat(event.path("customer_id").asString()).isEqualTo(customerId.toString());
        assertThat(event.path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(event.path("currency").asString()).isEqualTo("GBP");
        assertThat(event.path("received_by").asString()).isEqualTo("desk-7");
        assertThat(event.at("/lines/0/sku").asString()).isEqualTo("MUG-OAT-01");
        assertThat(receipts(returnId))
                .as("one receipt event, though received twice")
                .isEqualTo(1);
    }

    @Test
    void returnsEverythingNotYetReturnedWhenNoItemsAreNamed() {
        String orderNumber = placed(UUID.randomUUID());
        var probe = new AgentTaskProbe(bootstrapServers);
        probe.run("support", "process-return-request", request(orderNumber, "MUG-OAT-01", 1), Duration.ofSeconds(90));

        var rest = probe.run(
                "support",
                "process-return-request",
                JSON.createObjectNode().put("order_number", orderNumber),
                Duration.ofSeconds(90));

        JsonNode authorisation = rest.orElseThrow().output().path("return_authorisation");
        // one mug at 14.50 left and the lamp at 39.99
        assertThat(authorisation.path("refund_amount").decimalValue()).isEqualByComparingTo(new BigDecimal("54.49"));
        assertThat(authorisation.path("lines")).hasSize(2);
    }

    @Test
    void failsAReturnOfMoreThanIsLeftNamingTheItemAndStoresNothing() {
        String orderNumber = placed(UUID.randomUUID());

        var report = new AgentTaskProbe(bootstrapServers)
                .run(
                        "support",
                        "process-return-request",
                        request(orderNumber, "MUG-OAT-01", 3),
                        Duration.ofSeconds(90));

        assertThat(report.orElseThrow().status()).isEqualTo(ReportedTaskStatus.FAILED);
        assertThat(report.get().errors()).extracting(FieldErrorDetail::field).containsExactly("items[0].quantity");
    }

    @Test
    void filesTheRequestWithoutAReturnWhenTheOrderIsUnknown() {
        var report = new AgentTaskProbe(bootstrapServers)
                .run(
                        "support",
                        "process-return-request",
                        JSON.createObjectNode().put("order_number", "RET-" + UUID.randomUUID()),
                        Duration.ofSeconds(90));

        JsonNode output = report.orElseThrow().output();
        assertThat(report.get().status()).isEqualTo(ReportedTaskStatus.COMPLETED);
        assertThat(output.path("ticket_id").asString()).isNotBlank();
        assertThat(output.path("return_authorisation").isNull()
                        || output.path("return_authorisation").isMissingNode())
                .isTrue();
        assertThat(output.path("return_not_created").asString()).startsWith("No order numbered RET-");
    }

    @Test
    void refusesAReturnForAnotherCustomerThanTheOrdersOwner() {
        String orderNumber = placed(UUID.randomUUID());
        ObjectNode input = request(orderNumber, "MUG-OAT-01", 1)
                .put("customer_id", UUID.randomUUID().toString());

        var report = new AgentTaskProbe(bootstrapServers)
                .run("support", "process-return-request", input, Duration.ofSeconds(90));

        assertThat(report.orElseThrow().output().path("return_not_created").asString())
                .startsWith("No order");
    }

    @Test
    void refusesAReturnOfAnErasedCustomersOrderToATaskNamingACustomer() {
        UUID erasedCustomer = UUID.randomUUID();
        String orderNumber = placed(erasedCustomer);
        personalData.erase(erasedCustomer);
        ObjectNode input = request(orderNumber, "MUG-OAT-01", 1)
                .put("customer_id", UUID.randomUUID().toString());

        var report = new AgentTaskProbe(bootstrapServers)
                .run("support", "process-return-request", input, Duration.ofSeconds(90));

        assertThat(report.orElseThrow().output().path("return_not_created").asString())
                .startsWith("No order");
        assertThat(jdbc.sql("SELECT count(*) FROM return_authorisations WHERE order_number = :number")
                        .param("number", orderNumber)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesTheReceiptOfAReturnWhoseOrderWasRefundedSinceItWasAuthorised() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation authorised = authorise(order, "MUG-OAT-01", 1);
        new Storefront(kafka, codec).publish(Storefront.refundOf(order));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> orders.findByNumber(order.orderNumber())
                                .orElseThrow()
                                .status(),
                        "REFUNDED"::equals);

        var receipt = api.post(
                "/api/v1/support/returns/" + authorised.returnId() + "/receipt",
                Map.of(),
                As.supportAgent("warehouse-1"));

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(409);
        assertThat(receipt.text("/detail")).contains("refunded");
        assertThat(api.get("/api/v1/support/returns/" + authorised.returnId(), As.supportAgent("desk-1"))
                        .text("/status"))
                .isEqualTo("AUTHORISED");
    }

    @Test
    void refusesTheReceiptOfALineACancellationTookBackButReceivesTheOtherLines() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation lamp = authorise(order, "LAMP-BRASS-02", 1);
        ReturnAuthorisation mug = authorise(order, "MUG-OAT-01", 1);
        new Storefront(kafka, codec).publish(Storefront.refundOf(order, lampOf(order)));
        awaitCancelled(order, 2, 1);

        var lampReceipt = api.post(
                "/api/v1/support/returns/" + lamp.returnId() + "/receipt", Map.of(), As.supportAgent("warehouse-1"));
        var mugReceipt = api.post(
                "/api/v1/support/returns/" + mug.returnId() + "/receipt", Map.of(), As.supportAgent("warehouse-1"));

        assertThat(lampReceipt.status()).isEqualTo(409);
        assertThat(lampReceipt.text("/detail")).contains("LAMP-BRASS-02");
        assertThat(mugReceipt.status()).as(mugReceipt.body().toString()).isEqualTo(200);
        assertThat(mugReceipt.text("/status")).isEqualTo("RECEIVED");
    }

    @Test
    void aReceiptAfterACancellationOfPartOfTheReturnedLineRefundsWhatTheCancellationLeft() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation mugs = authorise(order, "MUG-OAT-01", 2);
        // the back office's credit note for one of the two mugs, which finance refunded with it
        new Storefront(kafka, codec).publish(Storefront.refundOf(order, Storefront.withQuantity(mugOf(order), 1)));
        awaitCancelled(order, 1, 1);

        var receipt = api.post(
                "/api/v1/support/returns/" + mugs.returnId() + "/receipt", Map.of(), As.supportAgent("warehouse-1"));

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(200);
        assertThat(receipt.text("/status")).isEqualTo("RECEIVED");
        assertThat(receipt.body().path("refund_amount").decimalValue()).isEqualByComparingTo("29.00");
        assertThat(receipt.body().path("refunded_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(receipt.body().at("/lines/0/received_quantity").asInt()).isEqualTo(2);
        assertThat(receipt.body().at("/lines/0/refunded_quantity").asInt()).isEqualTo(1);
        JsonNode event = published(mugs.returnId().toString(), ReturnReceived.ACTION);
        assertThat(event.path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(event.path("currency").asString()).isEqualTo("GBP");
        assertThat(event.at("/lines/0/quantity").asInt()).isEqualTo(1);
        assertThat(event.at("/lines/0/refund").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(returns.authorise(order.orderNumber(), customerId, false, List.of(), null))
                .as("the lamp is all that is left to return")
                .isInstanceOfSatisfying(ReturnOutcome.Authorised.class, rest -> assertThat(
                                rest.authorisation().lines())
                        .extracting(ReturnAuthorisation.ReturnLine::sku)
                        .containsExactly("LAMP-BRASS-02"));
    }

    @Test
    void aReceiptRefundsWhatArrivedAndLeavesTheRestOfTheLineReturnable() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation mugs = authorise(order, "MUG-OAT-01", 2);

        var receipt = api.post(
                "/api/v1/support/returns/" + mugs.returnId() + "/receipt",
                Map.of("items", List.of(Map.of("sku", "mug-oat-01", "quantity", 1))),
                As.supportAgent("warehouse-1"));

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(200);
        assertThat(receipt.body().path("refunded_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(receipt.body().at("/lines/0/received_quantity").asInt()).isEqualTo(1);
        JsonNode event = published(mugs.returnId().toString(), ReturnReceived.ACTION);
        assertThat(event.path("refund_amount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(event.at("/lines/0/quantity").asInt()).isEqualTo(1);
        var rest = returns.authorise(
                order.orderNumber(), customerId, false, List.of(new ReturnItem("MUG-OAT-01", 1)), "the other one");
        assertThat(rest)
                .as("the mug that did not arrive may still be returned")
                .isInstanceOf(ReturnOutcome.Authorised.class);
    }

    @Test
    void refusesAReceiptOfMoreThanWasAuthorisedOfAProductNotOnTheReturnOrOfFewerThanNone() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation mugs = authorise(order, "MUG-OAT-01", 2);
        String path = "/api/v1/support/returns/" + mugs.returnId() + "/receipt";

        var tooMany = api.post(
                path,
                Map.of("items", List.of(Map.of("sku", "MUG-OAT-01", "quantity", 3))),
                As.supportAgent("warehouse-1"));
        var notReturned = api.post(
                path,
                Map.of("items", List.of(Map.of("sku", "LAMP-BRASS-02", "quantity", 1))),
                As.supportAgent("warehouse-1"));
        var negative = api.post(
                path,
                Map.of("items", List.of(Map.of("sku", "MUG-OAT-01", "quantity", -1))),
                As.supportAgent("warehouse-1"));
        var nothing = api.post(
                path,
                Map.of("items", List.of(Map.of("sku", "MUG-OAT-01", "quantity", 0))),
                As.supportAgent("warehouse-1"));

        assertThat(tooMany.status()).as(tooMany.body().toString()).isEqualTo(422);
        assertThat(tooMany.errorFields()).containsExactly("items[0].quantity");
        assertThat(notReturned.status()).as(notReturned.body().toString()).isEqualTo(400);
        assertThat(notReturned.errorFields()).containsExactly("items[0].sku");
        assertThat(negative.status()).as(negative.body().toString()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("items[0].quantity");
        assertThat(nothing.status()).as(nothing.body().toString()).isEqualTo(422);
        assertThat(api.get("/api/v1/support/returns/" + mugs.returnId(), As.supportAgent("desk-1"))
                        .text("/status"))
                .isEqualTo("AUTHORISED");
    }

    @Test
    void aReturnTaskSentAgainAfterItRanGetsTheSameReplyAndReturnInsteadOfASecondOne() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ObjectNode input = request(order.orderNumber(), "MUG-OAT-01", 1).put("customer_id", customerId.toString());

        // as the supervisor requeues a task whose report was lost: the same task under a new message id
        List<TaskStatusChanged> reports = runTwice(UUID.randomUUID(), input);

        assertThat(reports)
                .extracting(TaskStatusChanged::status)
                .containsExactly(ReportedTaskStatus.COMPLETED, ReportedTaskStatus.COMPLETED);
        JsonNode first = reports.getFirst().output();
        JsonNode second = reports.getLast().output();
        assertThat(first.at("/return_authorisation/return_id").asString()).isNotBlank();
        assertThat(second.at("/return_authorisation/return_id").asString())
                .isEqualTo(first.at("/return_authorisation/return_id").asString());
        assertThat(second.path("ticket_id").asString())
                .isEqualTo(first.path("ticket_id").asString());
        assertThat(second.path("conversation_id").asString())
                .isEqualTo(first.path("conversation_id").asString());
        assertThat(second.path("reply").asString())
                .isEqualTo(first.path("reply").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM return_authorisations WHERE order_id = :order")
                        .param("order", order.orderId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCancellationOfSomeLinesLeavesTheOtherLinesOfTheOrderReturnable() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        new Storefront(kafka, codec).publish(Storefront.refundOf(order, lampOf(order)));
        awaitCancelled(order, 2, 1);

        var rest = returns.authorise(order.orderNumber(), customerId, false, List.of(), "changed my mind");
        var lamp = catchThrowableOfType(
                RuleViolationException.class,
                () -> returns.authorise(
                        order.orderNumber(), customerId, false, List.of(new ReturnItem("LAMP-BRASS-02", 1)), null));

        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        ReturnAuthorisation authorised = ((ReturnOutcome.Authorised) rest).authorisation();
        assertThat(authorised.refundAmount()).isEqualByComparingTo("29.00");
        assertThat(authorised.lines())
                .extracting(ReturnAuthorisation.ReturnLine::sku)
                .containsExactly("MUG-OAT-01");
        assertThat(lamp.errors()).extracting(FieldErrorDetail::field).containsExactly("items[0].quantity");
    }

    @Test
    void aRefundOfGoodsAlreadyReceivedBackTakesTheItemStillWithTheCustomerWhicheverLineHoldsIt() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = announced(Storefront.mugOnTwoLines(Storefront.freshOrderNumber(), customerId));
        ReturnAuthorisation first = authorise(order, "MUG-OAT-01", 1);
        returns.receive(first.returnId(), "warehouse-1");

        // the back office's credit note for the mug that came back, which finance refunds as well
        new Storefront(kafka, codec)
                .publish(Storefront.refundOf(order, order.lines().getFirst()));
        awaitCancelledInAll(order, 1);

        var second = catchThrowableOfType(
                RuleViolationException.class,
                () -> returns.authorise(
                        order.orderNumber(), customerId, false, List.of(new ReturnItem("MUG-OAT-01", 1)), null));
        assertThat(first.lines())
                .extracting(ReturnAuthorisation.ReturnLine::lineNo)
                .containsExactly(1);
        assertThat(orders.lines(order.orderId()))
                .extracting(OrderItem::cancelledQuantity)
                .containsExactly(0, 1);
        assertThat(second.errors()).extracting(FieldErrorDetail::field).containsExactly("items[0].quantity");
    }

    @Test
    void aRefundOfALineAlreadyReceivedBackInFullLeavesTheOtherLinesReturnable() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        ReturnAuthorisation lamp = authorise(order, "LAMP-BRASS-02", 1);
        returns.receive(lamp.returnId(), "warehouse-1");

        new Storefront(kafka, codec).publish(Storefront.refundOf(order, lampOf(order)));
        awaitCancelled(order, 2, 1);

        var rest = returns.authorise(order.orderNumber(), customerId, false, List.of(), "changed my mind");
        assertThat(orders.findByNumber(order.orderNumber()).orElseThrow().status())
                .isEqualTo("PLACED");
        ReturnAuthorisation authorised = ((ReturnOutcome.Authorised) rest).authorisation();
        assertThat(authorised.lines())
                .extracting(ReturnAuthorisation.ReturnLine::sku)
                .containsExactly("MUG-OAT-01");
        assertThat(authorised.refundAmount()).isEqualByComparingTo("29.00");
    }

    @Test
    void aReturnRequestedWhileTheOrderIsBeingRefundedIsRefusedOnceTheRefundIsIn() {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        AtomicReference<CompletableFuture<ReturnOutcome>> requested = new AtomicReference<>();

        transactions.executeWithoutResult(status -> {
            orders.apply(Storefront.refundOf(order));
            requested.set(CompletableFuture.supplyAsync(
                    () -> returns.authorise(order.orderNumber(), customerId, false, List.of(), null)));
            // the request now waits on the order's lock, which the refund holds until it commits; asked from
            // another connection, as this transaction would go on seeing the sessions of its first look
            int refund =
                    jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            LockWaits.awaitSessionBlockedBy(jdbcTemplate, refund);
        });

        assertThat(requested.get().join())
                .isInstanceOfSatisfying(ReturnOutcome.Refused.class, refused -> assertThat(refused.reason())
                        .contains("refunded"));
    }

    @Test
    void twoRunsOfOneReturnTaskAtOnceAuthoriseOneReturn() throws Exception {
        String orderNumber = placed(UUID.randomUUID());
        UUID orderId = orders.findByNumber(orderNumber).orElseThrow().orderId();
        UUID taskId = UUID.randomUUID();
        List<ReturnItem> mug = List.of(new ReturnItem("MUG-OAT-01", 1));
        ReturnOutcome first;
        ReturnOutcome second;

        try (ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                // both runs of the task (a requeued dispatch beside the first) wait on the order, as behind a slow one
                try (var lock = other.prepareStatement("SELECT 1 FROM orders WHERE order_id = ? FOR UPDATE")) {
                    lock.setObject(1, orderId);
                    lock.executeQuery().close();
                }
                var one = CompletableFuture.supplyAsync(
                        () -> returns.authorise(orderNumber, null, true, mug, "damaged", taskId), runs);
                var two = CompletableFuture.supplyAsync(
                        () -> returns.authorise(orderNumber, null, true, mug, "damaged", taskId), runs);
                LockWaits.awaitSessionsWaitingForLocks(jdbcTemplate, 2);
                other.commit();
                first = one.get(60, TimeUnit.SECONDS);
                second = two.get(60, TimeUnit.SECONDS);
            } finally {
                other.rollback();
            }
        }

        UUID firstReturn = ((ReturnOutcome.Authorised) first).authorisation().returnId();
        assertThat(second).isInstanceOfSatisfying(ReturnOutcome.Authorised.class, authorised -> assertThat(
                        authorised.authorisation().returnId())
                .isEqualTo(firstReturn));
        assertThat(jdbc.sql("SELECT count(*) FROM return_authorisations WHERE order_id = :order")
                        .param("order", orderId)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aReturnAuthorisedWhileItsCustomerIsBeingErasedIsErasedWithThem() {
        UUID customerId = UUID.randomUUID();
        String orderNumber = placed(customerId);

        // the erasure waits on the order's lock, which the authorisation holds until it commits
        erasures.eraseWhile(
                () -> returns.authorise(
                        orderNumber,
                        customerId,
                        false,
                        List.of(new ReturnItem("MUG-OAT-01", 1)),
                        "a gift from my aunt"),
                customerId);

        assertThat(jdbc.sql("SELECT customer_id, reason FROM return_authorisations WHERE order_number = :number")
                        .param("number", orderNumber)
                        .query()
                        .singleRow())
                .containsEntry("customer_id", null)
                .containsEntry("reason", null);
        assertThat(personalData.export(customerId).count()).isZero();
    }

    @Test
    void aReceiptBookedByAnInstanceFromBeforeReceiptQuantitiesIsStoredAsARefundInFull() {
        String orderNumber = placed(UUID.randomUUID());
        var authorised = (ReturnOutcome.Authorised)
                returns.authorise(orderNumber, null, true, List.of(new ReturnItem("MUG-OAT-01", 2)), "damaged", null);
        UUID returnId = authorised.authorisation().returnId();

        // the statement such an instance runs: the status alone
        jdbcTemplate.update(
                "UPDATE return_authorisations SET status = 'RECEIVED', received_at = now(), received_by = 'desk'"
                        + " WHERE return_id = ?",
                returnId);

        assertThat(jdbcTemplate.queryForObject(
                        "SELECT refunded_amount = refund_amount FROM return_authorisations WHERE return_id = ?",
                        Boolean.class,
                        returnId))
                .isTrue();
        assertThat(jdbcTemplate.queryForList(
                        "SELECT received_quantity, refunded_quantity FROM return_authorisation_lines WHERE return_id = ?",
                        returnId))
                .containsExactly(Map.of("received_quantity", 2, "refunded_quantity", 2));
    }

    @Test
    void aCancellationOfTheOrderIsNotHeldUpWhileAReturnRequestForItIsBeingAnswered() throws Exception {
        UUID customerId = UUID.randomUUID();
        OrderPlaced order = placedOrder(customerId);
        var started = api.say("I would like to return something.", null, As.customer(customerId));
        ObjectNode input = JSON.createObjectNode()
                .put("order_number", order.orderNumber())
                .put("customer_id", customerId.toString())
                .put("conversation_id", started.text("/conversation_id"));
        CompletableFuture<Optional<TaskStatusChanged>> requesting;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                // the request's turn waits here, on its conversation, as it would for a slow reply
                RowLocks.lock(other, "conversations", UUID.fromString(started.text("/conversation_id")));
                requesting = CompletableFuture.supplyAsync(
                        () -> new AgentTaskProbe(bootstrapServers)
                                .run("support", "process-return-request", input, Duration.ofSeconds(90)),
                        background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(other));

                CompletableFuture<Void> cancelling = CompletableFuture.runAsync(
                        () -> transactions.executeWithoutResult(
                                status -> orders.apply(Storefront.refundOf(order, lampOf(order)))),
                        background);

                assertThat(cancelling).succeedsWithin(Duration.ofSeconds(10));
            } finally {
                other.rollback();
            }
        }

        // authorised after the cancellation, the return leaves out the lamp it took back
        assertThat(requesting).succeedsWithin(Duration.ofSeconds(90)).satisfies(report -> {
            assertThat(report.orElseThrow().status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            JsonNode authorisation = report.orElseThrow().output().path("return_authorisation");
            assertThat(authorisation.path("refund_amount").decimalValue()).isEqualByComparingTo("29.00");
            assertThat(authorisation.at("/lines/0/sku").asString()).isEqualTo("MUG-OAT-01");
            assertThat(authorisation.path("lines")).hasSize(1);
        });
    }

    /** Sends the task, waits for its report, then sends it again under a new message id and waits for that report. */
    private List<TaskStatusChanged> runTwice(UUID taskId, ObjectNode input) {
        List<TaskStatusChanged> reports = new ArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(bootstrapServers, "repeat");
                var producer = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            consumer.subscribe(List.of(Topics.AGENT_EVENTS));
            for (int run = 1; run <= 2; run++) {
                MessageEnvelope task = MessageEnvelope.builder()
                        .priority(Priority.DEFAULT)
                        .sender(null, "supervisor")
                        .recipient(null, "support")
                        .action("process-return-request")
                        .data(input)
                        .context(codec.toTree(new TaskDispatch(taskId, null, "supervisor")))
                        .build();
                producer.send(new ProducerRecord<>(
                                Topics.agentTasks("support", Priority.bandOf(Priority.DEFAULT)),
                                taskId.toString(),
                                codec.encode(task)))
                        .get();
                int runs = run;
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        MessageEnvelope envelope = codec.decode(record.value());
                        if (!TaskStatusChanged.isStatusAction(envelope.action())) {
                            continue;
                        }
                        var change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                        if (change.taskId().equals(taskId) && change.status().isTerminal()) {
                            reports.add(change);
                        }
                    }
                    return reports.size() >= runs;
                });
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reports;
    }

    private static OrderLine mugOf(OrderPlaced order) {
        return order.lines().stream()
                .filter(line -> line.sku().equals("MUG-OAT-01"))
                .findFirst()
                .orElseThrow();
    }

    private ReturnAuthorisation authorise(OrderPlaced order, String sku, int quantity) {
        var outcome = returns.authorise(
                order.orderNumber(), order.customerId(), false, List.of(new ReturnItem(sku, quantity)), "damaged");
        return ((ReturnOutcome.Authorised) outcome).authorisation();
    }

    private static OrderLine lampOf(OrderPlaced order) {
        return order.lines().stream()
                .filter(line -> line.sku().equals("LAMP-BRASS-02"))
                .findFirst()
                .orElseThrow();
    }

    private void awaitCancelled(OrderPlaced order, int lineNo, int quantity) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orders.lines(order.orderId()).get(lineNo - 1).cancelledQuantity() == quantity);
    }

    /** However many items of the order cancellations took back, once they add up to {@code quantity}. */
    private void awaitCancelledInAll(OrderPlaced order, int quantity) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orders.lines(order.orderId()).stream()
                                .mapToInt(OrderItem::cancelledQuantity)
                                .sum()
                        == quantity);
    }

    private OrderPlaced placedOrder(UUID customerId) {
        return announced(Storefront.twoLineOrder(Storefront.freshOrderNumber(), customerId));
    }

    private OrderPlaced announced(OrderPlaced order) {
        new Storefront(kafka, codec).publish(order);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orders.findByNumber(order.orderNumber()).isPresent());
        return order;
    }

    private String placed(UUID customerId) {
        String orderNumber = Storefront.freshOrderNumber();
        new Storefront(kafka, codec).publish(Storefront.twoLineOrder(orderNumber, customerId));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orders.findByNumber(orderNumber).isPresent());
        return orderNumber;
    }

    private static ObjectNode request(String orderNumber, String sku, int quantity) {
        ObjectNode input = JSON.createObjectNode().put("order_number", orderNumber);
        input.putArray("items").addObject().put("sku", sku).put("quantity", quantity);
        return input;
    }

    /** The data of the first event with this action about this return, read from support.returns. */
    private JsonNode published(String returnId, String action) {
        return events(returnId, action, 1).getFirst();
    }

    /** How many receipt events of this return support.returns holds, once the first is there. */
    private int receipts(String returnId) {
        return events(returnId, ReturnReceived.ACTION, 1).size();
    }

    /** The data of the events with this action about this return, once at least {@code atLeast} were read. */
    private List<JsonNode> events(String returnId, String action, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "returns-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<MessageEnvelope> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(Topics.SUPPORT_RETURNS));
            return await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(500))
                                        .forEach(record -> seen.add(codec.decode(record.value())));
                                return seen.stream()
                                        .filter(envelope -> action.equals(envelope.action()))
                                        .map(envelope -> envelope.payload().data())
                                        .filter(data -> returnId.equals(
                                                data.path("return_id").asString()))
                                        .toList();
                            },
                            found -> found.size() >= atLeast);
        }
    }
}
