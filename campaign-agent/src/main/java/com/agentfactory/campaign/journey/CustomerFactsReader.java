package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.customer.CurrencySpend;
import com.agentfactory.campaign.customer.CustomerReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads what a customer's conditions and score look at from the customer read model, with the trigger's context. */
@Component
class CustomerFactsReader {

    private final CustomerReadModel customers;
    private final EngagementScore score;

    CustomerFactsReader(CustomerReadModel customers, JourneyProperties properties) {
        this.customers = customers;
        this.score = new EngagementScore(properties.score().spendPerPoint());
    }

    /** The customer's facts; empty for a customer the read model does not know. */
    Optional<CustomerFacts> known(UUID customerId, Map<String, Object> context, Instant now) {
        return customers
                .profile(customerId)
                .map(profile -> facts(profile, customers.spendByCurrency(customerId), context, now, score));
    }

    /** The customer's facts, or for a customer the read model does not know, what the trigger brought alone. */
    CustomerFacts of(UUID customerId, Map<String, Object> context, Instant now) {
        return known(customerId, context, now).orElseGet(() -> facts(Map.of(), List.of(), context, now, score));
    }

    static CustomerFacts facts(
            Map<String, Object> profile,
            List<CurrencySpend> spend,
            Map<String, Object> context,
            Instant now,
            EngagementScore score) {
        Map<String, Object> values = new HashMap<>(context);
        values.putAll(profile);
        values.put(
                "purchased_last_24h",
                profile.get("last_order_at") instanceof Instant last && last.isAfter(now.minus(Duration.ofHours(24))));
        long orders = profile.get("order_count") instanceof Number count ? count.longValue() : 0;
        values.put("score", score.of(orders, spend));
        return new CustomerFacts(
                values, spend.stream().collect(Collectors.toMap(CurrencySpend::currency, CurrencySpend::amount)));
    }
}
