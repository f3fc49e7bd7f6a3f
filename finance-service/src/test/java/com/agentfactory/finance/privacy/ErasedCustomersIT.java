package com.agentfactory.finance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.PageViewed;
import com.agentfactory.messaging.testing.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events of a customer read after their erasure: the money still moves, under the pseudonym the erasure gave their
 * entries, and nothing else of theirs comes back.
 */
class ErasedCustomersIT extends FinanceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    FinancePersonalData personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCancellationOfAnErasedCustomersOpenOrderIsRefundedUnderTheirPseudonymAndGivesThemNoSegment() {
        UUID customer = UUID.randomUUID();
        Instant at = freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced order = OrderMother.orderBy(customer, at, "12.50x2");
        commerce.publish(order);
        awaitRecorded(order);
        await().atMost(WAIT).until(() -> rowsOf("customer_segments", customer) == 1);
        erase(customer);
        UUID pseudonym = customerOf(order);

        // the back office cancels the order, still open, after the erasure: the event names the customer
        OrderCancelled cancellation = OrderMother.cancellationOf(order, at.plus(Duration.ofHours(1)));
        commerce.publish(cancellation);
        awaitRecorded(cancellation);
        awaitEverythingReadBefore(at);

        assertThat(customerOf(cancellation))
                .as("refunded under the pseudonym of the order's revenue")
                .isEqualTo(pseudonym)
                .isNotEqualTo(customer);
        assertThat(jdbc.queryForObject(
                        "SELECT sum(CASE transaction_type WHEN 'revenue' THEN amount ELSE -amount END)"
                                + " FROM financial_transactions WHERE customer_id = ?",
                        BigDecimal.class,
                        pseudonym))
                .as("the order's revenue and its refund net out")
                .isEqualByComparingTo("0.00");
        assertNothingRecordedOf(customer);
        assertNoSegmentOf(pseudonym);
    }

    @Test
    void anOrderOfAnErasedCustomerReadAfterTheErasureIsBookedUnderTheirPseudonymWithoutABehaviour() {
        UUID customer = UUID.randomUUID();
        Instant at = freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced first = OrderMother.orderBy(customer, at, "12.50x2");
        commerce.publish(first);
        awaitRecorded(first);
        await().atMost(WAIT).until(() -> rowsOf("customer_segments", customer) == 1);
        erase(customer);
        UUID pseudonym = customerOf(first);

        // placed before the erasure reached the storefront, or replayed
        OrderPlaced late = OrderMother.orderBy(customer, at.plus(Duration.ofMinutes(30)), "3.39x8");
        commerce.publish(late);
        awaitRecorded(late);
        awaitEverythingReadBefore(at);

        assertThat(customerOf(late)).isEqualTo(pseudonym);
        assertThat(jdbc.queryForObject(
                        "SELECT amount FROM financial_transactions WHERE source_event_id = ?",
                        BigDecimal.class,
                        late.eventId()))
                .isEqualByComparingTo("27.12");
        assertNothingRecordedOf(customer);
        assertThat(rowsOf("customer_behaviors", pseudonym)).isZero();
        assertNoSegmentOf(pseudonym);
    }

    @Test
    void behavioursAndTouchpointsOfAnErasedCustomerReadAfterTheErasureAreNotRecorded() {
        UUID customer = UUID.randomUUID();
        erase(customer);

        // the storefront's behaviour topic lags behind the privacy request
        PageViewed view = new PageViewed(
                UUID.randomUUID(), Instant.now(), customer, "s-" + customer, "https://shop.example/lamps", null);
        commerce.publish(view);
        Api.Response behaviour = api.post(
                "/api/v1/customers/" + customer + "/behaviors",
                Map.of("event_type", "campaign_click", "agent", "campaign", "channel", "email"));
        Api.Response touchpoint = api.post(
                "/api/v1/financial/touchpoints",
                Map.of(
                        "customer_id", customer.toString(),
                        "agent", "support",
                        "channel", "chat",
                        "touchpoint_type", "support_conversation",
                        "source_event_id", UUID.randomUUID().toString()));
        awaitRead(view);

        assertThat(behaviour.status()).as(String.valueOf(behaviour.body())).isEqualTo(200);
        assertThat(behaviour.body().path("created").asBoolean()).isFalse();
        assertThat(touchpoint.status()).as(String.valueOf(touchpoint.body())).isEqualTo(200);
        assertThat(touchpoint.body().path("created").asBoolean()).isFalse();
        assertNothingRecordedOf(customer);
    }

    private void erase(UUID customer) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> personalData.erase(customer));
    }

    /** One order on each partition of the orders topic, after the test's: read, so is everything before them. */
    private void awaitEverythingReadBefore(Instant at) {
        commerce.publishMarkers(at).forEach(this::awaitRecorded);
    }

    private void awaitRead(CommerceEvent event) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_messages WHERE message_id = ?",
                                Long.class,
                                event.eventId())
                        >= 1);
    }

    private UUID customerOf(CommerceEvent event) {
        return jdbc.queryForObject(
                "SELECT customer_id FROM financial_transactions WHERE source_event_id = ?",
                UUID.class,
                event.eventId());
    }

    private void assertNothingRecordedOf(UUID customer) {
        for (String table : new String[] {
            "financial_transactions",
            "revenue_attributions",
            "customer_touchpoints",
            "customer_behaviors",
            "customer_segments",
            "customer_segment_history"
        }) {
            assertThat(rowsOf(table, customer)).as(table).isZero();
        }
    }

    /** A segment change is published exactly when its history row is written, so no row means no message. */
    private void assertNoSegmentOf(UUID id) {
        assertThat(rowsOf("customer_segments", id)).isZero();
        assertThat(rowsOf("customer_segment_history", id)).isZero();
    }

    private long rowsOf(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE customer_id = ?", Long.class, customer);
    }
}
