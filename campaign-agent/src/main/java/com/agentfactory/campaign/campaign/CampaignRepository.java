package com.agentfactory.campaign.campaign;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends JpaRepository<Campaign, UUID> {

    /** The campaign, locked until the transaction ends, so two changes of its state cannot interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> findForUpdate(@Param("id") UUID id);

    /**
     * The campaign, share-locked until the transaction ends: it cannot change state (its transitions lock it for
     * update) while a journey is being added to it, though any number of journeys may be added at once.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select c from Campaign c where c.id = :id")
    Optional<Campaign> findForShare(@Param("id") UUID id);

    Page<Campaign> findByState(String state, Pageable pageable);
}
