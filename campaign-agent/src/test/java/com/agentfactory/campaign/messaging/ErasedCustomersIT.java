package com.agentfactory.campaign.messaging;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static com.agentfactory.campaign.support.FinanceSegments.assigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.CustomerMother;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer's events read after their erasure (still queued then, or replayed later) leave them erased. */
class ErasedCustomersIT extends CampaignIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CustomerReadModel readModel;

    @Test
    void ordersOfAnErasedCustomerReadAfterTheErasureDoNotBringThemBack() {
        UUID customer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, customer + "@shop.example", freshCountry(), T0));
        personalData.erase(customer);

        // placed before the erasure, read after it
        commerce.publishAndWait(
                CustomerMother.order(order, customer, "80.00", T0.plusSeconds(60)),
                CustomerMother.cancellation(order, customer, "20.00", T0.plusSeconds(120)));

        assertThat(rowsOf("customers", customer)).as("no customer row").isZero();
        assertThat(rowsOf("customer_orders", customer)).as("no order of theirs").isZero();
    }

    @Test
    void aProfileOrFinanceSegmentOfAnErasedCustomerReadAfterTheErasureDoesNotBringThemBack() {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, customer + "@shop.example", freshCountry(), T0));
        personalData.erase(customer);

        // as a consumer replaying its topic from the start reads them
        commerce.publishAndWait(customer(customer, customer + "@shop.example", freshCountry(), T0.plusSeconds(60)));
        financeSegments.publishAndWait(assigned(customer, "first_time_buyer", T0.plusSeconds(60)));

        assertThat(rowsOf("customers", customer)).isZero();
    }

    @Test
    void anOrderAppliedDuringTheCustomersErasureLeavesNothingOfThem() throws Exception {
        UUID customer = UUID.randomUUID();
        commerce.publishAndWait(customer(customer, customer + "@shop.example", freshCountry(), T0));
        OrderPlaced order = CustomerMother.order(customer, "80.00", T0.plusSeconds(60));

        appliedDuringTheErasureOf(customer, () -> readModel.apply(order));

        assertThat(rowsOf("customers", customer)).as("no customer row").isZero();
        assertThat(rowsOf("customer_orders", customer)).as("no order of theirs").isZero();
    }

    @Test
    void aFirstOrderOfACustomerNotYetKnownAppliedDuringTheirErasureLeavesNothingOfThem() throws Exception {
        UUID customer = UUID.randomUUID();

        appliedDuringTheErasureOf(customer, () -> readModel.apply(CustomerMother.order(customer, "80.00", T0)));

        assertThat(rowsOf("customers", customer)).as("no customer row").isZero();
        assertThat(rowsOf("customer_orders", customer)).as("no order of theirs").isZero();
    }

    @Test
    void aFirstProfileOfACustomerNotYetKnownAppliedDuringTheirErasureLeavesNothingOfThem() throws Exception {
        UUID customer = UUID.randomUUID();

        appliedDuringTheErasureOf(
                customer, () -> readModel.apply(customer(customer, customer + "@shop.example", freshCountry(), T0)));

        assertThat(rowsOf("customers", customer)).as("no customer row").isZero();
    }

    /**
     * Applies the event while the customer's erasure, which found no row of theirs, is about to commit: its mark in
     * erased_customers not visible yet to the event.
     */
    private void appliedDuringTheErasureOf(UUID customer, Runnable apply) throws Exception {
        // in a transaction of its own, as the listener applies it with the event's claim
        ErasureUnderWay.whileErasing(
                personalData, transactionManager, jdbc, customer, () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(transaction -> apply.run()));
    }

    private long rowsOf(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE customer_id = ?", Long.class, customer);
    }
}
