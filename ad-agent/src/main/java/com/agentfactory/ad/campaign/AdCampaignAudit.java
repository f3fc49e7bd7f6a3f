package com.agentfactory.ad.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One audited change of a campaign: what changed, who changed it, when and why. Never changed itself. */
@Entity
@Table(name = "ad_campaign_audit")
class AdCampaignAudit implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "campaign_id")
    private UUID campaignId;

    private String action;
    private String detail;
    private String actor;
    private String reason;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected AdCampaignAudit() {}

    AdCampaignAudit(UUID campaignId, String action, String detail, String actor, String reason, Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.action = action;
        this.detail = detail;
        this.actor = actor;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }

    @Override
    public UUID getId() {
        return id;
    }

    // entries are only ever inserted, so Spring Data need not look one up before saving it
    @Override
    public boolean isNew() {
        return true;
    }

    AuditEntryResponse response() {
        return new AuditEntryResponse(action, detail, actor, reason, occurredAt);
    }

    record AuditEntryResponse(String action, String detail, String actor, String reason, Instant occurredAt) {}
}
