package com.agentfactory.finance.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The pseudonym an erasure gives a customer's ledger entries stands for no customer to segment. */
class SegmentsOfErasedCustomersIT extends FinanceIntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    List<PersonalDataHolder> personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theScheduledRefreshDoesNotListAnErasedCustomersPseudonym() {
        UUID pseudonym = erasedCustomerWithAnOrder();

        assertThat(customers.customersAfter(justBefore(pseudonym), 1)).doesNotContain(pseudonym);
    }

    @Test
    void reEvaluatingAnErasedCustomersPseudonymGivesItNoSegmentAndPublishesNothing() {
        UUID pseudonym = erasedCustomerWithAnOrder();

        Segment segment = customers.evaluate(pseudonym, "scheduled re-evaluation");

        assertThat(segment).isNull();
        assertThat(rowsOf("customer_segments", pseudonym)).isZero();
        // a change is published exactly when its history row is written
        assertThat(rowsOf("customer_segment_history", pseudonym)).isZero();
    }

    /** The pseudonym of a customer with an order and a segment, erased as a privacy request erases them. */
    private UUID erasedCustomerWithAnOrder() {
        UUID customer = UUID.randomUUID();
        OrderPlaced order =
                OrderMother.orderBy(customer, freshDay().atTime(10, 0).toInstant(ZoneOffset.UTC), "12.50x2");
        commerce.publish(order);
        awaitRecorded(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf("customer_segments", customer) == 1);
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> personalData.forEach(holder -> holder.erase(customer)));
        UUID pseudonym = jdbc.queryForObject(
                "SELECT customer_id FROM financial_transactions WHERE source_event_id = ?",
                UUID.class,
                order.eventId());
        assertThat(pseudonym).isNotEqualTo(customer);
        return pseudonym;
    }

    /** The id right before this one as PostgreSQL orders them: byte by byte, unsigned. */
    private static UUID justBefore(UUID id) {
        ByteBuffer bytes =
                ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        byte[] before =
                new BigInteger(1, bytes.array()).subtract(BigInteger.ONE).toByteArray();
        ByteBuffer padded = ByteBuffer.allocate(16);
        padded.position(16 - Math.min(16, before.length));
        padded.put(before, Math.max(0, before.length - 16), Math.min(16, before.length));
        padded.flip();
        return new UUID(padded.getLong(), padded.getLong());
    }

    private long rowsOf(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE customer_id = ?", Long.class, customer);
    }
}
