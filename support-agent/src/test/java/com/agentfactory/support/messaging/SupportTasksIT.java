package com.agentfactory.support.messaging;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.SupportTasks.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AnnouncedCapabilities;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The supervisor's support tasks, sent over real Kafka and reported back on agent.events. */
class SupportTasksIT extends SupportIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    OrderBook orders;

    @Test
    void answersACustomerMessageTaskWithTheReplyAndTicket() {
        var report = tasks.run("answer-customer-message", input().put("message", SHIPPING_TO_SPAIN));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("reply").asString()).contains("Spain");
            assertThat(change.output().path("ticket_id").asString()).isNotBlank();
            assertThat(change.output().path("escalated").asBoolean()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"answer-customer-message", "handle-complaint", "order-status-inquiry", "process-return-request"})
    void aTaskThatCallsItsCustomerVipIsNotHandedToAPersonForIt(String taskType) {
        var input = input().put("message", SHIPPING_TO_SPAIN)
                .put("order_number", "VIP-" + UUID.randomUUID())
                .put("customer_id", UUID.randomUUID().toString())
                .put("customer_tier", "VIP");

        var report = tasks.run(taskType, input);

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).as("the field is ignored, not refused").isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("escalation_reasons").valueStream().map(reason -> reason.path("reason")
                            .asString()))
                    .doesNotContain("VIP_CUSTOMER");
        });
    }

    @Test
    void handsATaskForACustomerOnTheConfiguredVipListToAPerson() {
        var report = tasks.run(
                "answer-customer-message",
                input().put("message", SHIPPING_TO_SPAIN)
                        .put("customer_id", vipCustomer().toString()));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("escalated").asBoolean()).isTrue();
            assertThat(change.output().path("escalation_reasons").valueStream().map(reason -> reason.path("reason")
                            .asString()))
                    .containsExactly("VIP_CUSTOMER");
        });
    }

    @Test
    void recordsAComplaintTaskAsAComplaintTicket() {
        var report =
                tasks.run("handle-complaint", input().put("message", "My parcel arrived broken, I want a complaint"));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("intents").path(0).path("intent").asString())
                    .isEqualTo("feedback_complaint");
            assertThat(change.output().path("reply").asString()).isNotBlank();
        });
    }

    @Test
    void failsAnOrderStatusTaskWithoutAnOrderNumberAtOnce() {
        var report = tasks.run("order-status-inquiry", input());

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.failure()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(change.errors()).extracting(FieldErrorDetail::field).containsExactly("order_number");
            assertThat(change.attempt()).as("not retried").isEqualTo(1);
        });
    }

    @Test
    void failsAMessageTaskWithoutAMessageAndWithAMalformedCustomerIdAtOnceNamingBothFields() {
        var report = tasks.run("answer-customer-message", input().put("customer_id", "not-a-uuid"));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.failure()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(change.errors()).extracting(FieldErrorDetail::field).contains("customer_id");
            assertThat(change.attempt()).as("not retried").isEqualTo(1);
        });
        var withoutMessage = tasks.run("answer-customer-message", input());
        assertThat(withoutMessage).hasValueSatisfying(change -> {
            assertThat(change.failure()).isEqualTo(FailureKind.INVALID_INPUT);
            assertThat(change.errors()).extracting(FieldErrorDetail::field).containsExactly("message");
            assertThat(change.attempt()).as("not retried").isEqualTo(1);
        });
    }

    @Test
    void failsAMessageTaskForAnUnknownConversationAtOnceAsNotFound() {
        var report = tasks.run(
                "answer-customer-message",
                input().put("message", SHIPPING_TO_SPAIN)
                        .put("conversation_id", UUID.randomUUID().toString()));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.failure()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(change.attempt()).as("not retried").isEqualTo(1);
        });
    }

    @Test
    void anOrderStatusTaskNamingACustomerIsNotToldAboutAnotherCustomersOrder() {
        String orderNumber = Storefront.freshOrderNumber();
        orders.apply(Storefront.order(orderNumber, UUID.randomUUID()));

        var forAnotherCustomer = tasks.orderStatus(orderNumber, UUID.randomUUID());
        var namingNoCustomer = tasks.orderStatus(orderNumber, null);

        assertThat(forAnotherCustomer).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("reply").asString())
                    .doesNotContain("GBP")
                    .contains("could not find an order");
        });
        assertThat(namingNoCustomer).hasValueSatisfying(change -> assertThat(
                        change.output().path("reply").asString())
                .contains("Your order " + orderNumber, "29.00 GBP"));
    }

    @Test
    void answersAReturnRequestForAnUnknownOrderWithAReturnTicketAndSaysWhyNoReturnWasCreated() {
        var report = tasks.run("process-return-request", input().put("order_number", "RET-" + UUID.randomUUID()));

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("ticket_id").asString()).isNotBlank();
            assertThat(change.output().path("order_number").asString()).startsWith("RET-");
            assertThat(change.output().path("return_authorisation").isObject()).isFalse();
            assertThat(change.output().path("return_not_created").asString()).startsWith("No order numbered RET-");
        });
    }

    @Test
    void announcesTheMessageLimitsInTheSchema() {
        await().atMost(Duration.ofSeconds(30)).until(() -> announced().isPresent());
        AgentCapabilities capabilities = announced().orElseThrow();

        TaskTypeDescriptor answer = capabilities.taskTypes().stream()
                .filter(type -> type.taskType().equals("answer-customer-message"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.inputSchema().path("required").valueStream().map(field -> field.asString()))
                .containsExactly("message");
        assertThat(answer.inputSchema().at("/properties/message/maxLength").asInt())
                .isEqualTo(100_000);
        assertThat(answer.outputSchema().at("/properties/ticket_id").isMissingNode())
                .isFalse();
        assertThat(answer.exampleInput().path("message").asString()).isNotBlank();
    }

    @Test
    void announcesNoCustomerTierInAnyTaskSchema() {
        await().atMost(Duration.ofSeconds(30)).until(() -> announced().isPresent());

        assertThat(announced().orElseThrow().taskTypes()).isNotEmpty().allSatisfy(type -> assertThat(
                        type.inputSchema().at("/properties/customer_tier").isMissingNode())
                .as(type.taskType())
                .isTrue());
    }

    private Optional<AgentCapabilities> announced() {
        return AnnouncedCapabilities.latest(bootstrapServers, "support");
    }
}
