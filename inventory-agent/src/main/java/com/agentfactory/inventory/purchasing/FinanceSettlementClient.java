package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Commits and releases through the shared finance client, whose 4xx answers arrive as HTTP exceptions: turned here
 * into this module's exceptions, so that the HTTP types stay at the edge. 401, 403, 408 and 429 say nothing about the
 * reservation (a token expiring in flight, a rule being changed, a timeout, a limit) and pass, as the shared client's
 * reserve treats them: {@link FinanceUnavailableException}, tried again later. Any other refusal, and the 403 of a
 * reservation another caller holds, will not pass by asking again: {@link FinanceRejectedException}.
 */
final class FinanceSettlementClient {

    private static final Set<Integer> PASSING = Set.of(401, 403, 408, 429);

    private final FinanceBudgetClient finance;

    FinanceSettlementClient(FinanceBudgetClient finance) {
        this.finance = finance;
    }

    void commit(String department, UUID reservationId) {
        try {
            finance.commit(department, reservationId);
        } catch (HttpClientErrorException refused) {
            throw refusal("commit of reservation " + reservationId, refused);
        }
    }

    void release(String department, UUID reservationId) {
        try {
            finance.release(department, reservationId);
        } catch (HttpClientErrorException refused) {
            throw refusal("release of reservation " + reservationId, refused);
        }
    }

    private static RuntimeException refusal(String what, HttpClientErrorException refused) {
        int status = refused.getStatusCode().value();
        if (PASSING.contains(status) && !FinanceBudgetClient.isHeldByAnother(refused)) {
            return new FinanceUnavailableException("finance answered " + status + " to the " + what, refused);
        }
        return new FinanceRejectedException(what, status, refused.getResponseBodyAsString());
    }
}
