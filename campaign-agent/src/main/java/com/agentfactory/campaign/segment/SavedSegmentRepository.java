package com.agentfactory.campaign.segment;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedSegmentRepository extends JpaRepository<SavedSegment, UUID> {

    boolean existsByNameIgnoreCase(String name);
}
