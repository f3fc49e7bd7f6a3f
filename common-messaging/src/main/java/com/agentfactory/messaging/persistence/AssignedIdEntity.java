package com.agentfactory.messaging.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * An aggregate whose UUID the application assigns. Spring Data would take an entity with an id for one already
 * stored and merge it (a SELECT before every INSERT); saying when it is new lets {@code save} persist it at once.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Transient
    private boolean isNew;

    /** For JPA, which loads stored entities. */
    protected AssignedIdEntity() {}

    protected AssignedIdEntity(UUID id) {
        this.id = id;
        this.isNew = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }
}
