package com.agentfactory.inventory.batch;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BatchRunRepository extends JpaRepository<BatchRun, UUID> {

    Page<BatchRun> findAllByOrderByStartedAtDesc(Pageable page);
}
