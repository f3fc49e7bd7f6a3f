package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An ad group: whom part of a campaign reaches; targeting is stored as JSON (regions, devices, sizes). */
@Entity
@Table(name = "ad_groups")
class AdGroup extends AssignedIdEntity {

    @Column(name = "campaign_id")
    private UUID campaignId;

    private String name;
    private String targeting;

    @Column(name = "created_at")
    private Instant createdAt;

    protected AdGroup() {}

    AdGroup(UUID campaignId, String name, String targetingJson, Instant now) {
        super(UUID.randomUUID());
        this.campaignId = campaignId;
        this.name = name;
        this.targeting = targetingJson;
        this.createdAt = now;
    }

    UUID campaignId() {
        return campaignId;
    }

    String name() {
        return name;
    }

    String targeting() {
        return targeting;
    }
}
