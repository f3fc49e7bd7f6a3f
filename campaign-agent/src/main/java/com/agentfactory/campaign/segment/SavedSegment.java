package com.agentfactory.campaign.segment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A named segment rule, kept as the JSON it was saved with; its members are computed when asked. */
@Entity
@Table(name = "segments")
class SavedSegment {

    @Id
    private UUID id;

    private String name;
    private String description;
    private String rule;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    // null until first saved, which is how Spring Data tells a new segment from an existing one
    @Version
    private Long version;

    protected SavedSegment() {}

    SavedSegment(String name, String description, String rule, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.description = description;
        this.rule = rule;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    String rule() {
        return rule;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
