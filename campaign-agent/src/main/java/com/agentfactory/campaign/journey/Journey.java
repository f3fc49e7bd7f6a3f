package com.agentfactory.campaign.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A stored journey definition and whether it enrols customers now. */
@Entity
@Table(name = "journeys")
class Journey {

    @Id
    private UUID id;

    private String name;
    private String definition;

    @Column(name = "trigger_type")
    private String triggerType;

    @Column(name = "trigger_event")
    private String triggerEvent;

    // copied out of the definition so a campaign's KPIs find its journeys without parsing every definition
    @Column(name = "campaign_id")
    private UUID campaignId;

    private boolean active;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    // null until first saved, which is how Spring Data tells a new journey from an existing one
    @Version
    private Long version;

    protected Journey() {}

    Journey(JourneyDefinition definition, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.name = definition.name().strip();
        this.definition = JourneyDefinitions.toJson(definition);
        this.triggerType = definition.trigger().type();
        this.triggerEvent = definition.trigger().event();
        this.campaignId = definition.campaignId();
        this.active = false;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new definition for a journey that never enrolled anyone (the service checks). */
    void redefine(JourneyDefinition definition, Instant now) {
        this.name = definition.name().strip();
        this.definition = JourneyDefinitions.toJson(definition);
        this.triggerType = definition.trigger().type();
        this.triggerEvent = definition.trigger().event();
        this.campaignId = definition.campaignId();
        this.updatedAt = now;
    }

    void activate(Instant now) {
        if (!active) {
            active = true;
            activatedAt = now;
            updatedAt = now;
        }
    }

    void deactivate(Instant now) {
        if (active) {
            active = false;
            updatedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The campaign the journey belongs to, or null. */
    UUID campaignId() {
        return campaignId;
    }

    String definition() {
        return definition;
    }

    boolean active() {
        return active;
    }

    Instant activatedAt() {
        return activatedAt;
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
