package com.agentfactory.recommendation.rule;

import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.recommendation.catalog.ProductRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the rules in memory for re-ranking: reloaded after each change here and on a short schedule, so
 * changes made through another instance arrive within that interval.
 */
@Service
public class BusinessRuleService {

    private final BusinessRuleRepository rules;
    private final ProductRepository products;
    private final Clock clock;
    private final AtomicReference<BusinessRules> inForce = new AtomicReference<>();

    BusinessRuleService(BusinessRuleRepository rules, ProductRepository products, Clock clock) {
        this.rules = rules;
        this.products = products;
        this.clock = clock;
    }

    /** The rules in force now, as every list applies them. */
    public BusinessRules inForce() {
        BusinessRules current = inForce.get();
        return current != null ? current : reload();
    }

    @Scheduled(fixedDelayString = "${agentfactory.recommendation.serving.rules-refresh-interval:PT30S}")
    void refresh() {
        reload();
    }

    private BusinessRules reload() {
        BusinessRules loaded = BusinessRules.of(rules.all());
        inForce.set(loaded);
        return loaded;
    }

    List<BusinessRuleResponse> list() {
        return rules.all().stream().map(BusinessRuleResponse::of).toList();
    }

    BusinessRuleResponse create(CreateBusinessRuleRequest request) {
        BusinessRuleKind kind = BusinessRuleKind.valueOf(request.kind().toUpperCase(Locale.ROOT));
        List<FieldErrorDetail> errors = new ArrayList<>();
        if (kind == BusinessRuleKind.PIN && request.position() == null) {
            errors.add(new FieldErrorDetail("position", "is required for a pin"));
        }
        if (kind != BusinessRuleKind.PIN && request.position() != null) {
            errors.add(new FieldErrorDetail("position", "is only allowed for a pin"));
        }
        if (kind == BusinessRuleKind.BOOST && request.boost() == null) {
            errors.add(new FieldErrorDetail("boost", "is required for a boost"));
        }
        if (kind != BusinessRuleKind.BOOST && request.boost() != null) {
            errors.add(new FieldErrorDetail("boost", "is only allowed for a boost"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The rule has invalid fields.", errors);
        }
        if (products.find(request.productId()).isEmpty()) {
            throw RuleViolationException.of("product_id", "no such product");
        }
        BusinessRule rule = new BusinessRule(
                UUID.randomUUID(), kind, request.productId(), request.position(), request.boost(), clock.instant());
        if (!rules.insert(rule)) {
            throw new ConflictException("The product " + request.productId() + " already has a rule; delete it first.");
        }
        reload();
        return BusinessRuleResponse.of(rule);
    }

    void delete(UUID ruleId) {
        if (!rules.delete(ruleId)) {
            throw new BusinessRuleNotFoundException(ruleId);
        }
        reload();
    }
}
