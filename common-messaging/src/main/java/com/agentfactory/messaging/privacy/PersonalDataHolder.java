package com.agentfactory.messaging.privacy;

import java.util.UUID;

/**
 * A part of a service that stores personal data about customers. The service's privacy listener calls every holder
 * it has, inside one transaction, when a customer asks for an export or an erasure.
 */
public interface PersonalDataHolder {

    /** Everything this holder keeps about the customer, as named kinds of records. */
    PersonalData export(UUID customerId);

    /**
     * Deletes what this holder keeps about the customer, or replaces the customer with a pseudonym where a record
     * must stay (an amount in a ledger, a count in an experiment). Erasing twice changes nothing the second time.
     *
     * @return how many records were deleted or pseudonymised
     */
    long erase(UUID customerId);
}
