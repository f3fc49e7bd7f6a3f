package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A creative (a banner of a size, leading to a domain) with the impressions and clicks its bandit rotation learns
 * from; the counters are bumped by SQL on each win notice and click, not through this entity.
 */
@Entity
@Table(name = "ad_creatives")
class AdCreative extends AssignedIdEntity {

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "ad_group_id")
    private UUID adGroupId;

    private String name;
    private int width;
    private int height;

    @Column(name = "landing_domain")
    private String landingDomain;

    @Enumerated(EnumType.STRING)
    private CreativeStatus status;

    private long impressions;
    private long clicks;

    @Column(name = "created_at")
    private Instant createdAt;

    protected AdCreative() {}

    AdCreative(UUID campaignId, UUID adGroupId, String name, int width, int height, String landingDomain, Instant now) {
        super(UUID.randomUUID());
        this.campaignId = campaignId;
        this.adGroupId = adGroupId;
        this.name = name;
        this.width = width;
        this.height = height;
        this.landingDomain = landingDomain;
        this.status = CreativeStatus.ACTIVE;
        this.createdAt = now;
    }

    CreativeView view() {
        return new CreativeView(
                getId(), campaignId, adGroupId, name, width, height, landingDomain, status, impressions, clicks);
    }
}
