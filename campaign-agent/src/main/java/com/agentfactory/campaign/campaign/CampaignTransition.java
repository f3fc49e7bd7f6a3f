package com.agentfactory.campaign.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One audited lifecycle change: who moved the campaign, from which state to which, when and why. Never changed. */
@Entity
@Table(name = "campaign_transitions")
class CampaignTransition implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "campaign_id")
    private UUID campaignId;

    // null for the entry that records the campaign's creation
    @Column(name = "from_state")
    private String fromState;

    @Column(name = "to_state")
    private String toState;

    private String actor;
    private String reason;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected CampaignTransition() {}

    CampaignTransition(
            UUID campaignId, CampaignState from, CampaignState to, String actor, String reason, Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.fromState = from == null ? null : from.wireName();
        this.toState = to.wireName();
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

    String fromState() {
        return fromState;
    }

    String toState() {
        return toState;
    }

    String actor() {
        return actor;
    }

    String reason() {
        return reason;
    }

    Instant occurredAt() {
        return occurredAt;
    }
}
