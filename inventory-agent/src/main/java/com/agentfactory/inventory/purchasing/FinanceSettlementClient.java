package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.FinanceBudgetClient;
import java.util.UUID;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Commits and releases through the shared finance client, whose 4xx answers arrive as HTTP exceptions: turned here
 * into this module's {@link FinanceRejectedException}, so that the HTTP types stay at the edge.
 */
final class FinanceSettlementClient {

    private final FinanceBudgetClient finance;

    FinanceSettlementClient(FinanceBudgetClient finance) {
        this.finance = finance;
    }

    void commit(String department, UUID reservationId) {
        try {
            finance.commit(department, reservationId);
        } catch (HttpClientErrorException refused) {
            throw rejected("commit of reservation " + reservationId, refused);
        }
    }

    void release(String department, UUID reservationId) {
        try {
            finance.release(department, reservationId);
        } catch (HttpClientErrorException refused) {
            throw rejected("release of reservation " + reservationId, refused);
        }
    }

    private static FinanceRejectedException rejected(String what, HttpClientErrorException refused) {
        return new FinanceRejectedException(what, refused.getStatusCode().value(), refused.getResponseBodyAsString());
    }
}
