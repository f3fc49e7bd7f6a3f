package com.agentfactory.campaign.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign: what it is for, whom it reaches on which channel, its budget, and where it stands in its
 * lifecycle. The state changes only through {@link #moveTo}, which asks {@link CampaignLifecycle} and returns
 * the audit entry the caller must store with it.
 */
@Entity
@Table(name = "campaigns")
class Campaign {

    @Id
    private UUID id;

    private String name;
    private String goal;
    private String channel;

    @Column(name = "segment_rule")
    private String segmentRule;

    @Column(name = "budget_amount")
    private BigDecimal budgetAmount;

    @Column(name = "budget_currency")
    private String budgetCurrency;

    private String state;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    // null until first saved, which is how Spring Data tells a new campaign from an existing one
    @Version
    private Long version;

    protected Campaign() {}

    private Campaign(
            String name,
            String goal,
            String channel,
            String segmentRule,
            CampaignBudget budget,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.goal = goal;
        this.channel = channel;
        this.segmentRule = segmentRule;
        this.budgetAmount = budget == null ? null : budget.amount();
        this.budgetCurrency = budget == null ? null : budget.currency();
        this.state = CampaignLifecycle.initial().wireName();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new campaign in the plan state, with the audit entry of its creation. */
    static Planned plan(
            String name,
            String goal,
            String channel,
            String segmentRule,
            CampaignBudget budget,
            String actor,
            String reason,
            Instant now) {
        Campaign campaign = new Campaign(name, goal, channel, segmentRule, budget, actor, now);
        return new Planned(campaign, new CampaignTransition(campaign.id, null, campaign.state(), actor, reason, now));
    }

    record Planned(Campaign campaign, CampaignTransition created) {}

    /** @throws TransitionNotAllowedException when the lifecycle does not allow {@code target} from here */
    CampaignTransition moveTo(CampaignState target, String actor, String reason, Instant now) {
        CampaignState from = state();
        CampaignLifecycle.check(from, target);
        this.state = target.wireName();
        this.updatedAt = now;
        return new CampaignTransition(id, from, target, actor, reason, now);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String goal() {
        return goal;
    }

    String channel() {
        return channel;
    }

    String segmentRule() {
        return segmentRule;
    }

    CampaignBudget budget() {
        return budgetAmount == null ? null : new CampaignBudget(budgetAmount, budgetCurrency);
    }

    CampaignState state() {
        return CampaignState.fromWireName(state)
                .orElseThrow(() -> new IllegalStateException("campaign " + id + " has unknown state " + state));
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
