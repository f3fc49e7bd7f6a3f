package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An ad campaign on one platform: its budgets, what a conversion is worth, its targets and its status. Every
 * change goes through a method that returns the audit entry the caller stores with it.
 */
@Entity
@Table(name = "ad_campaigns")
class AdCampaign extends AssignedIdEntity {

    private String name;

    @Enumerated(EnumType.STRING)
    private AdPlatformName platform;

    @Column(name = "platform_campaign_id")
    private String platformCampaignId;

    @Enumerated(EnumType.STRING)
    private AdCampaignStatus status;

    @Column(name = "daily_budget")
    private BigDecimal dailyBudget;

    @Column(name = "total_budget")
    private BigDecimal totalBudget;

    private String currency;

    @Column(name = "allocated_daily_budget")
    private BigDecimal allocatedDailyBudget;

    @Column(name = "target_cpa")
    private BigDecimal targetCpa;

    @Column(name = "target_roas")
    private BigDecimal targetRoas;

    @Column(name = "value_per_conversion")
    private BigDecimal valuePerConversion;

    @Column(name = "bid_factor")
    private BigDecimal bidFactor;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private Long version;

    protected AdCampaign() {}

    AdCampaign(CreateAdCampaignRequest request, BigDecimal initialBidFactor, String actor, Instant now) {
        super(UUID.randomUUID());
        this.name = request.name().strip();
        this.platform = AdPlatformName.valueOf(request.platform());
        this.status = AdCampaignStatus.DRAFT;
        this.dailyBudget = request.dailyBudget().setScale(2);
        this.totalBudget = request.totalBudget().setScale(2);
        this.currency = request.currency();
        this.targetCpa = request.targetCpa();
        this.targetRoas = request.targetRoas();
        this.valuePerConversion = request.valuePerConversion();
        this.bidFactor = initialBidFactor;
        this.startsAt = request.startsAt() == null ? now : request.startsAt();
        this.endsAt = request.endsAt();
        this.createdBy = actor;
        this.createdAt = now;
        this.updatedAt = now;
    }

    AdCampaignAudit created(String actor, String reason) {
        return new AdCampaignAudit(
                getId(),
                "CREATED",
                "created as " + status + " on " + platform + ", daily " + dailyBudget + " " + currency + ", total "
                        + totalBudget + " " + currency,
                actor,
                reason,
                createdAt);
    }

    /**
     * A campaign leaving ACTIVE leaves its allocation pool too: the share it had is dropped, so a resumed campaign
     * spends its own daily budget until the allocator pools it again.
     */
    AdCampaignAudit moveTo(AdCampaignStatus target, String actor, String reason, Instant now) {
        AdCampaignStatus from = status;
        from.check(target);
        this.status = target;
        this.updatedAt = now;
        String detail = from + " -> " + target;
        if (target != AdCampaignStatus.ACTIVE && allocatedDailyBudget != null) {
            detail += ", allocated daily budget " + allocatedDailyBudget + " " + currency + " dropped";
            this.allocatedDailyBudget = null;
        }
        return new AdCampaignAudit(getId(), "STATUS", detail, actor, reason, now);
    }

    /**
     * The owner's new budget applies at once: an allocation made from the old one would otherwise keep overriding
     * it until the next round, or for good once the campaign no longer shares a pool.
     */
    AdCampaignAudit changeBudget(BigDecimal daily, BigDecimal total, String actor, String reason, Instant now) {
        String detail =
                "daily " + dailyBudget + " -> " + daily + ", total " + totalBudget + " -> " + total + " " + currency;
        if (allocatedDailyBudget != null) {
            detail += ", allocated daily budget " + allocatedDailyBudget + " dropped";
            this.allocatedDailyBudget = null;
        }
        this.dailyBudget = daily.setScale(2);
        this.totalBudget = total.setScale(2);
        this.updatedAt = now;
        return new AdCampaignAudit(getId(), "BUDGET", detail, actor, reason, now);
    }

    AdCampaignAudit changeBidFactor(BigDecimal factor, String actor, String reason, Instant now) {
        String detail = "bid factor " + bidFactor + " -> " + factor;
        this.bidFactor = factor;
        this.updatedAt = now;
        return new AdCampaignAudit(getId(), "BID_FACTOR", detail, actor, reason, now);
    }

    AdCampaignAudit allocate(BigDecimal allocated, String actor, String reason, Instant now) {
        String detail = "allocated daily budget " + (allocatedDailyBudget == null ? "none" : allocatedDailyBudget)
                + " -> " + allocated + " " + currency;
        this.allocatedDailyBudget = allocated.setScale(2);
        this.updatedAt = now;
        return new AdCampaignAudit(getId(), "ALLOCATION", detail, actor, reason, now);
    }

    /** Back to its own daily budget: the pool it had a share of is gone; null when it had no allocation. */
    AdCampaignAudit dropAllocation(String actor, String reason, Instant now) {
        if (allocatedDailyBudget == null) {
            return null;
        }
        String detail = "allocated daily budget " + allocatedDailyBudget + " -> none (its own daily budget "
                + dailyBudget + " " + currency + ")";
        this.allocatedDailyBudget = null;
        this.updatedAt = now;
        return new AdCampaignAudit(getId(), "ALLOCATION", detail, actor, reason, now);
    }

    void linkPlatformCampaign(String platformId) {
        this.platformCampaignId = platformId;
    }

    AdCampaignView view() {
        return new AdCampaignView(
                getId(),
                name,
                platform,
                platformCampaignId,
                status,
                dailyBudget,
                totalBudget,
                currency,
                allocatedDailyBudget,
                targetCpa,
                targetRoas,
                valuePerConversion,
                bidFactor,
                startsAt,
                endsAt);
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

    AdCampaignStatus status() {
        return status;
    }
}
