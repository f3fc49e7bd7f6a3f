package com.agentfactory.ad.campaign;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AdCampaignRepository extends JpaRepository<AdCampaign, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AdCampaign c where c.id = :id")
    Optional<AdCampaign> findForUpdate(UUID id);

    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select c from AdCampaign c where c.id = :id")
    Optional<AdCampaign> findForShare(UUID id);

    /** Locked in the order of their ids, as every caller locking several campaigns must, so none deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AdCampaign c where c.status = :status order by c.id")
    List<AdCampaign> findByStatusForUpdate(AdCampaignStatus status);

    Page<AdCampaign> findByStatus(AdCampaignStatus status, Pageable pageable);

    List<AdCampaign> findByStatusOrderById(AdCampaignStatus status);

    List<AdCampaign> findByAllocatedDailyBudgetIsNotNullOrderById();
}
